package io.playmark.infra.audit;

import io.playmark.command.asset.Asset;
import io.playmark.command.asset.AssetCollection;
import io.playmark.command.campaign.Campaign;
import io.playmark.command.play.Play;
import io.playmark.command.player.Player;
import io.playmark.command.player.PlayerGroup;
import io.playmark.command.report.ReportDefinition;
import io.playmark.command.schedule.Playlist;
import io.playmark.command.schedule.ScheduleEntry;
import io.playmark.kernel.NotFoundException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The aggregates the audit trail knows, by the stable lowercase name its API uses. An aggregate's events carry its
 * class's simple name as their type (Axon's default), which ties a stream to its aggregate.
 */
final class AuditedAggregates {

    private static final Map<String, Class<?>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("campaign", Campaign.class);
        BY_NAME.put("asset", Asset.class);
        BY_NAME.put("asset-collection", AssetCollection.class);
        BY_NAME.put("player", Player.class);
        BY_NAME.put("player-group", PlayerGroup.class);
        BY_NAME.put("playlist", Playlist.class);
        BY_NAME.put("schedule-entry", ScheduleEntry.class);
        BY_NAME.put("play", Play.class);
        BY_NAME.put("report-definition", ReportDefinition.class);
    }

    private AuditedAggregates() {
    }

    /** The aggregate class of an API name; an unknown name is a NotFoundException that lists the known ones. */
    static Class<?> classOf(String name) {
        Class<?> type = BY_NAME.get(name);
        if (type == null) {
            throw new NotFoundException("No aggregate type '" + name + "'; the audited types are "
                    + String.join(", ", BY_NAME.keySet()));
        }
        return type;
    }

    /** The API name of an event's aggregate type (the class's simple name). */
    static Optional<String> nameOf(String eventAggregateType) {
        return BY_NAME.entrySet().stream().filter(entry -> entry.getValue().getSimpleName().equals(eventAggregateType))
                .map(Map.Entry::getKey).findFirst();
    }
}
