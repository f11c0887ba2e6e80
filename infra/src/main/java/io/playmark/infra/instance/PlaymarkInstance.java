package io.playmark.infra.instance;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * This running instance, among the instances that share Playmark's stores: its id names its claims on
 * projection segments in the token store ({@code playmark.instance-id}); its roles say which parts it runs.
 */
public record PlaymarkInstance(String id, Set<InstanceRole> roles) {

    public PlaymarkInstance {
        roles = Set.copyOf(roles);
    }

    public boolean has(InstanceRole role) {
        return roles.contains(role);
    }

    /** The roles as configured and shown: lower case, sorted. */
    public List<String> roleNames() {
        return roles.stream().map(role -> role.name().toLowerCase(Locale.ROOT)).sorted().toList();
    }
}
