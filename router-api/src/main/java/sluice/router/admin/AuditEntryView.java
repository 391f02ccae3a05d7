package sluice.router.admin;

import com.fasterxml.jackson.annotation.JsonRawValue;
import sluice.keystore.AuditEntry;

import java.time.Instant;

/** One audit log line: who ({@code actor}, the JWT subject) did what to which target, when, with details. */
public record AuditEntryView(long id, Instant at, String actor, String action, String targetKind, String targetId,
                             @JsonRawValue String detail) {

    static AuditEntryView of(AuditEntry entry) {
        return new AuditEntryView(entry.id(), entry.at(), entry.actor(), entry.action(), entry.targetKind(),
                entry.targetId(), entry.detailJson());
    }
}
