package io.playmark.infra.player;

import io.playmark.command.player.HardwareProfiles;
import io.playmark.command.player.PlayerKeys;
import io.playmark.infra.security.ApiKeys;
import io.playmark.infra.security.Role;
import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.asset.PlayerCompatibility;
import io.playmark.kernel.player.PlayerId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Set;

/** What the players' command side asks of the platform: the configured profiles, and API keys bound to players. */
@Configuration(proxyBeanMethods = false)
class PlayerWiring {

    @Bean
    HardwareProfiles hardwareProfiles(PlayerCompatibility compatibility) {
        List<String> names = compatibility.profileNames();
        return () -> names;
    }

    @Bean
    PlayerKeys playerKeys(ApiKeys keys) {
        return new ApiKeyPlayerKeys(keys);
    }

    /** One key per player under a key id derived from the player's, so that binding a new one replaces it. */
    record ApiKeyPlayerKeys(ApiKeys keys) implements PlayerKeys {

        static String keyId(PlayerId player) {
            return "player-" + player.value();
        }

        @Override
        public String newKey() {
            return keys.newPlainText();
        }

        /** Stored under the player's key id, replacing the key it had (whose hash then no longer matches). */
        @Override
        public void bind(PlayerId player, String playerName, String key) {
            keys.store(keyId(player), "player " + playerName, Set.of(Role.PLAYER), player.value(), key);
        }

        @Override
        public void revoke(PlayerId player) {
            try {
                keys.revoke(keyId(player));
            } catch (NotFoundException none) {
                // no key to revoke: what was asked for holds
            }
        }
    }
}
