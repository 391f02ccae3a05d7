package sluice.keystore;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Maps {@link TenantStatus} to the {@code tenants.status} text column. */
@Converter
public class TenantStatusConverter implements AttributeConverter<TenantStatus, String> {

    @Override
    public String convertToDatabaseColumn(TenantStatus status) {
        return status == null ? null : status.dbValue();
    }

    @Override
    public TenantStatus convertToEntityAttribute(String value) {
        return value == null ? null : TenantStatus.fromDbValue(value);
    }
}
