package io.playmark.query.player;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.asset.Tag;
import io.playmark.kernel.player.PlayerGroupId;
import io.playmark.kernel.player.PlayerStatus;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Players with their status, found by id or listed with filters and pages. */
@Component
class PlayerListing {

    /** What to keep: any of the tags, this status (active players when left out), in this group, text in name or address. */
    record PlayerFilter(List<String> tags, PlayerStatus status, String groupId, String text) {
    }

    private final PlayerDirectory directory;
    private final PlayerPresence presence;

    PlayerListing(PlayerDirectory directory, PlayerPresence presence) {
        this.directory = directory;
        this.presence = presence;
    }

    PlayerNode node(PlayerView view) {
        Instant lastSeen = presence.lastSeen(List.of(view.id())).get(view.id());
        return PlayerNode.of(view, presence.status(view, lastSeen), lastSeen);
    }

    Connection<PlayerNode> page(PlayerFilter filter, int first, String after) {
        return Connection.page(nodes(filter == null ? new PlayerFilter(null, null, null, null) : filter),
                node -> new NameCursor(node.name(), node.id()), first, after);
    }

    Connection<PlayerNode> members(PlayerGroupView group, int first, String after) {
        List<PlayerView> members = directory.players(group.members());
        return Connection.page(withStatus(members), node -> new NameCursor(node.name(), node.id()), first, after);
    }

    private List<PlayerNode> nodes(PlayerFilter filter) {
        Set<String> tags = filter.tags() == null ? Set.of() : Tag.values(Tag.of(filter.tags()));
        String group = filter.groupId() == null ? null : new PlayerGroupId(filter.groupId()).value();
        String text = filter.text() == null || filter.text().isBlank() ? null
                : filter.text().strip().toLowerCase(Locale.ROOT);
        if (text != null && text.length() > 200) {
            throw new InvalidValueException("text", "text must be at most 200 characters, was " + text.length());
        }
        List<PlayerView> kept = directory.players().stream()
                .filter(p -> tags.isEmpty() || tags.stream().anyMatch(p.tags()::contains))
                .filter(p -> group == null || p.groups().contains(group))
                .filter(p -> text == null || p.name().toLowerCase(Locale.ROOT).contains(text)
                        || p.address().toLowerCase(Locale.ROOT).contains(text))
                .toList();
        return withStatus(kept).stream()
                .filter(node -> filter.status() == null ? node.status() != PlayerStatus.DECOMMISSIONED
                        : node.status() == filter.status())
                .toList();
    }

    private List<PlayerNode> withStatus(List<PlayerView> views) {
        Map<String, Instant> lastSeen = presence.lastSeen(views.stream().map(PlayerView::id).toList());
        return views.stream().map(view -> PlayerNode.of(view, presence.status(view, lastSeen.get(view.id())),
                lastSeen.get(view.id()))).toList();
    }
}
