package sluice.keystore;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Maps {@link KeyStatus} to the {@code provider_keys.status} text column. */
@Converter
public class KeyStatusConverter implements AttributeConverter<KeyStatus, String> {

    @Override
    public String convertToDatabaseColumn(KeyStatus status) {
        return status == null ? null : status.dbValue();
    }

    @Override
    public KeyStatus convertToEntityAttribute(String value) {
        return value == null ? null : KeyStatus.fromDbValue(value);
    }
}
