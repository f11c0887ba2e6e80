package io.playmark.infra.instance;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The parts of Playmark an instance runs ({@code PLAYMARK_ROLES}). Every instance answers queries: the read
 * models live in the shared stores.
 */
public enum InstanceRole {
    /** Handles commands: GraphQL mutations and, later, the players' reports. */
    COMMAND,
    /** Runs the projections (event processors) that keep the read models and search indexes. */
    QUERY,
    /** Runs JobRunr's background job server. */
    JOBS;

    /** {@code all}, or a comma-separated list of role names, in any case. */
    public static Set<InstanceRole> parse(String roles) {
        if (roles == null || roles.isBlank() || roles.strip().equalsIgnoreCase("all")) {
            return EnumSet.allOf(InstanceRole.class);
        }
        Set<InstanceRole> parsed = EnumSet.noneOf(InstanceRole.class);
        for (String name : roles.split(",")) {
            try {
                parsed.add(valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("PLAYMARK_ROLES: '" + name.strip()
                        + "' is not a role; use all, or a list of command, query, jobs");
            }
        }
        return parsed;
    }
}
