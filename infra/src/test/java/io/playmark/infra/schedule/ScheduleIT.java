package io.playmark.infra.schedule;

import io.playmark.infra.security.Role;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.infra.support.TestAssets;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.MediaKind;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.schedule.FindScheduleEntriesForPlayerQuery;
import io.playmark.kernel.schedule.ScheduledPlaylist;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Playlists and schedule entries end to end through GraphQL, as a network operator plans a week of content. */
class ScheduleIT extends PlaymarkIntegrationTest {

    private static final String PLAYLIST_FIELDS = "id name shuffle ownLengthMillis items { kind id durationMillis } "
            + "adSlots { count slotMillis sharePercent }";
    private static final String CREATE_PLAYLIST = "mutation($input: PlaylistInput!) { createPlaylist(input: $input) {"
            + PLAYLIST_FIELDS + " } }";
    private static final String ENTRY_FIELDS = "id playlistId playlist { name } players groups priority exclusive "
            + "recurrence { start durationMinutes rrule exceptions }";
    private static final String CREATE_ENTRY = "mutation($input: ScheduleEntryInput!) { createScheduleEntry(input: "
            + "$input) { " + ENTRY_FIELDS + " } }";
    private static final String FOR_PLAYER = "query($player: ID!, $from: Instant, $to: Instant) { scheduleEntries("
            + "player: $player, from: $from, to: $to, first: 10) { edges { cursor node { " + ENTRY_FIELDS
            + " occurrences { start end localStart } } } pageInfo { hasNextPage } } }";
    private static final String BULK = "mutation($input: BulkScheduleInput!) { schedulePlaylistOnPlayers(input: "
            + "$input) { player ok entry { id players } error { classification message } } }";

    private static final String WEEK_PLAN = "mutation($input: WeekPlanInput!) { applyWeekPlan(input: $input) { "
            + "player ok entries { id recurrence { start rrule } } error { classification message } } }";

    private static final String UPDATE_PLAYLIST = "mutation($input: PlaylistInput!) { updatePlaylist(input: $input) {"
            + PLAYLIST_FIELDS + " } }";
    private static final String DELETE_PLAYLIST = "mutation($id: ID!) { deletePlaylist(id: $id) }";
    private static final String PLAYLISTS = "{ playlists(first: 100) { edges { cursor node { id name } } "
            + "pageInfo { hasNextPage endCursor } } }";
    private static final String CREATE_GROUP = "mutation($input: PlayerGroupInput!) { createPlayerGroup(input: "
            + "$input) { id } }";
    private static final String DELETE_ENTRY = "mutation($id: ID!) { deleteScheduleEntry(id: $id) }";

    @Autowired
    private ApplicationContext playmark;
    @Autowired
    private QueryGateway queries;

    private TestAssets assets;
    private final String berlin = UUID.randomUUID().toString();
    private final String newYork = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() throws InterruptedException {
        assets = TestAssets.of(playmark);
        register(berlin, "Europe/Berlin");
        register(newYork, "America/New_York");
    }

    @Test
    void a_playlist_of_approved_assets_plays_weekday_mornings_in_each_players_local_time() {
        PlaymarkApi api = asAdmin();
        AssetId image = assets.approved("Schedule", "/schedules", MediaKind.IMAGE);
        AssetId video = assets.approved("Schedule", "/schedules", MediaKind.VIDEO);
        AssetId pending = assets.probed("Schedule", "/schedules", MediaKind.IMAGE);

        JsonNode refused = api.graphQl(CREATE_PLAYLIST, "input", Map.of("name", "Refused", "items", List.of(
                Map.of("assetId", pending.value(), "durationMillis", 10_000), Map.of("assetId", image.value()))));
        assertThat(brokenRules(refused)).containsExactly("items[0].assetId approved", "items[1].duration required");

        JsonNode playlist = dataOf(api.graphQl(CREATE_PLAYLIST, "input", Map.of("name", "Mornings", "items", List.of(
                Map.of("assetId", image.value(), "durationMillis", 10_000), Map.of("assetId", video.value())),
                "adSlots", Map.of("count", 2, "lengthSeconds", 15))), "createPlaylist");
        assertThat(playlist.get("items").get(1).get("durationMillis").asLong()).isEqualTo(30_000);
        assertThat(playlist.get("ownLengthMillis").asLong()).isEqualTo(40_000);
        assertThat(playlist.get("adSlots").get("slotMillis").asLong()).isEqualTo(15_000);
        String playlistId = playlist.get("id").asString();

        JsonNode nestedInItself = api.graphQl(CREATE_PLAYLIST, "input", Map.of("id", playlistId, "name", "Mornings",
                "items", List.of(Map.of("playlistId", playlistId))));
        assertThat(nestedInItself.get("errors")).isNotEmpty();

        JsonNode entry = dataOf(api.graphQl(CREATE_ENTRY, "input", Map.of("playlistId", playlistId,
                "players", List.of(berlin, newYork), "priority", 5, "exclusive", true,
                "recurrence", Map.of("start", "2026-03-23T07:00", "durationMinutes", 180,
                        "rrule", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
                        "exceptions", List.of("2026-03-25T07:00")))), "createScheduleEntry");
        assertThat(entry.get("playlist").get("name").asString()).isEqualTo("Mornings");
        assertThat(entry.get("recurrence").get("exceptions").get(0).asString()).isEqualTo("2026-03-25T07:00");

        // the week of the March change in Berlin: 06:00Z before it, 05:00Z after; Wednesday is an exception
        Map<String, Object> week = Map.of("from", "2026-03-23T00:00:00Z", "to", "2026-04-01T00:00:00Z");
        assertThat(occurrences(api, berlin, week)).containsExactly("2026-03-23T06:00:00Z", "2026-03-24T06:00:00Z",
                "2026-03-26T06:00:00Z", "2026-03-27T06:00:00Z", "2026-03-30T05:00:00Z", "2026-03-31T05:00:00Z");
        // New York moved to summer time on 8 March: 07:00 there is 11:00Z
        assertThat(occurrences(api, newYork, week)).startsWith("2026-03-23T11:00:00Z", "2026-03-24T11:00:00Z",
                "2026-03-26T11:00:00Z");

        List<ScheduledPlaylist> forDecisioning = queries.query(new FindScheduleEntriesForPlayerQuery(
                        new PlayerId(berlin), Instant.parse("2026-03-30T00:00:00Z"), Instant.parse("2026-03-31T00:00:00Z")),
                ResponseTypes.multipleInstancesOf(ScheduledPlaylist.class)).join();
        assertThat(forDecisioning).singleElement().satisfies(scheduled -> {
            assertThat(scheduled.playlistId()).isEqualTo(playlistId);
            assertThat(scheduled.exclusive()).isTrue();
            assertThat(scheduled.items()).hasSize(2);
            assertThat(scheduled.occurrences()).singleElement().satisfies(occurrence ->
                    assertThat(occurrence.end()).isEqualTo(Instant.parse("2026-03-30T08:00:00Z")));
        });
    }

    @Test
    void bulk_scheduling_answers_per_player_and_a_retry_changes_nothing() {
        PlaymarkApi api = asAdmin();
        String playlistId = dataOf(api.graphQl(CREATE_PLAYLIST, "input", Map.of("name", "Bulk", "items", List.of(
                Map.of("assetId", assets.approved("Schedule", "/schedules", MediaKind.IMAGE).value(), "durationMillis", 8_000)))), "createPlaylist")
                .get("id").asString();
        String unknown = UUID.randomUUID().toString();
        Map<String, Object> input = Map.of("requestId", UUID.randomUUID().toString(), "playlistId", playlistId,
                "players", List.of(berlin, unknown, newYork), "recurrence", Map.of("start", "2026-06-01T12:00",
                        "durationMinutes", 60, "rrule", "FREQ=DAILY"));

        JsonNode results = dataOf(api.graphQl(BULK, "input", input), "schedulePlaylistOnPlayers");
        assertThat(results.valueStream().map(result -> result.get("player").asString() + " "
                + result.get("ok").asBoolean())).containsExactly(berlin + " true", unknown + " false", newYork + " true");
        assertThat(results.get(1).get("error").get("classification").asString()).isEqualTo("CONFLICT");
        assertThat(results.get(1).get("error").get("message").asString()).contains("player " + unknown);
        assertThat(results.get(0).get("entry").get("players").get(0).asString()).isEqualTo(berlin);

        JsonNode again = dataOf(api.graphQl(BULK, "input", input), "schedulePlaylistOnPlayers");
        assertThat(again.get(0).get("entry").get("id").asString())
                .isEqualTo(results.get(0).get("entry").get("id").asString());
        assertThat(occurrences(api, berlin, Map.of("from", "2026-06-01T00:00:00Z", "to", "2026-06-03T00:00:00Z")))
                .containsExactly("2026-06-01T10:00:00Z", "2026-06-02T10:00:00Z");
    }

    @Test
    void a_week_plan_applied_to_players_makes_an_entry_per_slot_in_each_players_zone() {
        PlaymarkApi api = asAdmin();
        String playlistId = dataOf(api.graphQl(CREATE_PLAYLIST, "input", Map.of("name", "Week", "items", List.of(
                Map.of("assetId", assets.approved("Schedule", "/schedules", MediaKind.IMAGE).value(), "durationMillis", 5_000)))), "createPlaylist")
                .get("id").asString();
        String unknown = UUID.randomUUID().toString();
        JsonNode results = dataOf(api.graphQl(WEEK_PLAN, "input", Map.of("requestId", UUID.randomUUID().toString(),
                "players", List.of(newYork, unknown), "startDate", "2026-07-01", "slots", List.of(
                        Map.of("days", List.of("MONDAY", "FRIDAY"), "from", "07:00", "to", "10:00",
                                "playlistId", playlistId),
                        Map.of("days", List.of("SATURDAY"), "from", "22:00", "to", "02:00",
                                "playlistId", playlistId)))), "applyWeekPlan");

        assertThat(results.get(0).get("ok").asBoolean()).isTrue();
        assertThat(results.get(0).get("entries").valueStream().map(entry -> entry.get("recurrence").get("rrule")
                .asString())).containsExactly("FREQ=WEEKLY;BYDAY=MO,FR", "FREQ=WEEKLY;BYDAY=SA");
        assertThat(results.get(1).get("ok").asBoolean()).isFalse();
        assertThat(results.get(1).get("entries")).isEmpty();
        // Friday 3 July 07:00 and Saturday 4 July 22:00 in New York (UTC-4); entries come in rank order, not by time
        assertThat(occurrences(api, newYork, Map.of("from", "2026-07-03T00:00:00Z", "to", "2026-07-05T12:00:00Z")))
                .containsExactlyInAnyOrder("2026-07-03T11:00:00Z", "2026-07-05T02:00:00Z");
    }

    @Test
    void an_entry_on_a_group_applies_to_its_members_only_and_stops_when_deleted() {
        PlaymarkApi api = asAdmin();
        String playlistId = dataOf(api.graphQl(CREATE_PLAYLIST, "input", Map.of("name", "Group", "items", List.of(
                Map.of("assetId", assets.approved("Schedule", "/schedules", MediaKind.IMAGE).value(), "durationMillis", 5_000)))), "createPlaylist")
                .get("id").asString();
        String group = dataOf(api.graphQl(CREATE_GROUP, "input", Map.of("name", "Schedule group " + berlin,
                "players", List.of(berlin))), "createPlayerGroup").get("id").asString();
        String entry = dataOf(api.graphQl(CREATE_ENTRY, "input", Map.of("playlistId", playlistId, "groups",
                List.of(group), "recurrence", Map.of("start", "2026-08-01T09:00", "durationMinutes", 30))),
                "createScheduleEntry").get("id").asString();
        Map<String, Object> day = Map.of("from", "2026-08-01T00:00:00Z", "to", "2026-08-02T00:00:00Z");

        assertThat(occurrences(api, berlin, day)).containsExactly("2026-08-01T07:00:00Z");
        assertThat(occurrences(api, newYork, day)).isEmpty();

        assertThat(dataOf(api.graphQl(DELETE_ENTRY, "id", entry), "deleteScheduleEntry").asString()).isEqualTo(entry);
        assertThat(occurrences(api, berlin, day)).isEmpty();
    }

    @Test
    void playlists_are_replaced_and_deleted_and_only_managers_change_them() {
        PlaymarkApi api = asAdmin();
        AssetId image = assets.approved("Schedule", "/schedules", MediaKind.IMAGE);
        Map<String, Object> input = Map.of("name", "Replaced", "items", List.of(Map.of("assetId", image.value(),
                "durationMillis", 5_000)));
        assertThat(as(Role.ANALYST).graphQl(CREATE_PLAYLIST, "input", input).get("errors").get(0).get("extensions")
                .get("classification").asString()).isEqualTo("FORBIDDEN");
        String id = dataOf(api.graphQl(CREATE_PLAYLIST, "input", input), "createPlaylist").get("id").asString();
        String entry = dataOf(api.graphQl(CREATE_ENTRY, "input", Map.of("playlistId", id, "players", List.of(berlin),
                "recurrence", Map.of("start", "2026-09-01T09:00", "durationMinutes", 30))), "createScheduleEntry")
                .get("id").asString();

        JsonNode updated = dataOf(api.graphQl(UPDATE_PLAYLIST, "input", Map.of("id", id, "name", "Replaced twice",
                "shuffle", true, "items", List.of(Map.of("assetId", image.value(), "durationMillis", 7_000)),
                "adSlots", Map.of("sharePercent", 25))), "updatePlaylist");
        assertThat(updated.get("shuffle").asBoolean()).isTrue();
        assertThat(updated.get("ownLengthMillis").asLong()).isEqualTo(7_000);
        assertThat(updated.get("adSlots").get("sharePercent").asInt()).isEqualTo(25);
        JsonNode listed = dataOf(api.graphQl(PLAYLISTS), "playlists");
        assertThat(listed.get("edges").valueStream().map(edge -> edge.get("node").get("id").asString())).contains(id);

        assertThat(dataOf(api.graphQl(DELETE_PLAYLIST, "id", id), "deletePlaylist").asString()).isEqualTo(id);
        JsonNode gone = api.graphQl("query($id: ID!) { playlist(id: $id) { id } }", "id", id);
        assertThat(gone.get("errors").get(0).get("extensions").get("classification").asString())
                .isEqualTo("NOT_FOUND");
        JsonNode orphan = dataOf(api.graphQl("query($id: ID!) { scheduleEntry(id: $id) { id playlist { id } } }",
                "id", entry), "scheduleEntry");
        assertThat(orphan.get("playlist").isNull()).isTrue();
        assertThat(occurrences(api, berlin, Map.of("from", "2026-09-01T00:00:00Z", "to", "2026-09-02T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void a_nested_playlist_plays_through_in_place_for_decisioning() {
        PlaymarkApi api = asAdmin();
        AssetId first = assets.approved("Schedule", "/schedules", MediaKind.IMAGE);
        AssetId inner = assets.approved("Schedule", "/schedules", MediaKind.IMAGE);
        AssetId last = assets.approved("Schedule", "/schedules", MediaKind.IMAGE);
        String nested = dataOf(api.graphQl(CREATE_PLAYLIST, "input", Map.of("name", "Inner", "items", List.of(
                Map.of("assetId", inner.value(), "durationMillis", 4_000)))), "createPlaylist").get("id").asString();
        String outer = dataOf(api.graphQl(CREATE_PLAYLIST, "input", Map.of("name", "Outer", "items", List.of(
                Map.of("assetId", first.value(), "durationMillis", 5_000), Map.of("playlistId", nested),
                Map.of("assetId", last.value(), "durationMillis", 6_000)))), "createPlaylist").get("id").asString();
        dataOf(api.graphQl(CREATE_ENTRY, "input", Map.of("playlistId", outer, "players", List.of(newYork),
                "recurrence", Map.of("start", "2026-10-01T09:00", "durationMinutes", 60))), "createScheduleEntry");

        List<ScheduledPlaylist> scheduled = queries.query(new FindScheduleEntriesForPlayerQuery(new PlayerId(newYork),
                        Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-10-02T00:00:00Z")),
                ResponseTypes.multipleInstancesOf(ScheduledPlaylist.class)).join();

        assertThat(scheduled).singleElement().satisfies(entry -> assertThat(entry.items().stream()
                .map(item -> item.id() + " " + item.durationMillis()).toList()).containsExactly(
                first.value() + " 5000", inner.value() + " 4000", last.value() + " 6000"));
    }

    private List<String> occurrences(PlaymarkApi api, String player, Map<String, Object> window) {
        JsonNode page = dataOf(api.graphQl(FOR_PLAYER, "player", player, "from", window.get("from"), "to",
                window.get("to")), "scheduleEntries");
        return page.get("edges").valueStream().flatMap(edge -> edge.get("node").get("occurrences").valueStream())
                .map(occurrence -> occurrence.get("start").asString()).toList();
    }

    private void register(String id, String zone) throws InterruptedException {
        PlaymarkApi.Response registered = asAdmin().post("/api/v1/players", Map.of("id", id,
                "name", "Schedule " + zone, "location", Map.of("latitude", 52.52, "longitude", 13.405),
                "timeZone", zone, "resolution", Map.of("width", 1920, "height", 1080), "hardwareProfile", "hd-h264"));
        assertThat(registered.status()).as(registered.text()).isIn(200, 201);
        Instant giveUp = Instant.now().plusSeconds(30);
        while (asAdmin().get("/api/v1/players/" + id).status() != 200 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
        }
    }

}
