package io.playmark.infra.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JwtRolesTest {

    @Test
    void roles_may_be_a_list_or_a_separated_string_in_any_case_with_or_without_prefix() {
        assertThat(names(SecurityConfiguration.authorities(List.of("admin", "ROLE_ANALYST"))))
                .containsExactly("ROLE_ADMIN", "ROLE_ANALYST");
        assertThat(names(SecurityConfiguration.authorities("manager auditor,player")))
                .containsExactly("ROLE_MANAGER", "ROLE_AUDITOR", "ROLE_PLAYER");
    }

    @Test
    void unknown_roles_and_a_missing_claim_grant_nothing() {
        assertThat(SecurityConfiguration.authorities(List.of("superuser"))).isEmpty();
        assertThat(SecurityConfiguration.authorities(null)).isEmpty();
    }

    private static List<String> names(List<GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).toList();
    }
}
