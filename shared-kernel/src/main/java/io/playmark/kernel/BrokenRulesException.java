package io.playmark.kernel;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A change refused because the thing it targets breaks one or more of the domain's rules in its present state
 * (e.g. a campaign booked without creatives). Each broken rule names the field to fix and a short rule key, so
 * that an API can answer one classified error per rule; it is a conflict with the recorded state, not bad input.
 */
public class BrokenRulesException extends ConflictException {

    /** One rule broken: the field it concerns, a stable rule key ("required", "approved"...), and why in words. */
    public record BrokenRule(String field, String rule, String message) {

        public BrokenRule {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(message, "message");
        }
    }

    private final List<BrokenRule> rules;

    public BrokenRulesException(String subject, List<BrokenRule> rules) {
        super(subject + ": " + rules.stream().map(BrokenRule::message).collect(Collectors.joining("; ")));
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one rule");
        }
        this.rules = List.copyOf(rules);
    }

    public BrokenRulesException(String subject, BrokenRule rule) {
        this(subject, List.of(rule));
    }

    public List<BrokenRule> rules() {
        return rules;
    }
}
