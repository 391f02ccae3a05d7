package sluice.keystore;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Maps {@link ProviderKind} to the {@code providers.kind} text column. */
@Converter
public class ProviderKindConverter implements AttributeConverter<ProviderKind, String> {

    @Override
    public String convertToDatabaseColumn(ProviderKind kind) {
        return kind == null ? null : kind.dbValue();
    }

    @Override
    public ProviderKind convertToEntityAttribute(String value) {
        return value == null ? null : ProviderKind.fromDbValue(value);
    }
}
