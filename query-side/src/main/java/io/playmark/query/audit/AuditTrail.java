package io.playmark.query.audit;

/**
 * Records each question put to the audit trail, in the caller's name, before it is answered. Declared here, answered
 * in infra where the caller's identity is known.
 */
public interface AuditTrail {

    void record(String query, String aggregateType, String aggregateId, String parameters);
}
