package io.playmark.query.asset;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.asset.PlayerCompatibility;
import io.playmark.kernel.asset.PlayerProfile;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashSet;
import java.util.List;

/**
 * The player hardware profiles, {@code playmark.media.player-profiles}, and the compatibility check they make.
 * The asset projections record which profiles play each asset: after changing the profiles, replay
 * asset-read-model and asset-search.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlayerProfiles.Properties.class)
class PlayerProfiles {

    @ConfigurationProperties("playmark.media")
    record Properties(List<PlayerProfile> playerProfiles) {

        Properties {
            playerProfiles = playerProfiles == null ? List.of() : List.copyOf(playerProfiles);
            if (playerProfiles.isEmpty()) {
                throw new InvalidValueException("playmark.media.player-profiles", "at least one player profile is needed");
            }
            if (!playerProfiles.stream().map(PlayerProfile::name).allMatch(new HashSet<>()::add)) {
                throw new InvalidValueException("playmark.media.player-profiles", "player profile names must differ");
            }
        }
    }

    @Bean
    PlayerCompatibility playerCompatibility(Properties properties) {
        return new PlayerCompatibility(properties.playerProfiles());
    }
}
