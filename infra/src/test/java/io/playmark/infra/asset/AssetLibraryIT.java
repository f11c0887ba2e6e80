package io.playmark.infra.asset;

import io.playmark.infra.security.Role;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.infra.support.TestAssets;
import io.playmark.infra.support.TestMedia;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.FindExpiredAssetsQuery;
import io.playmark.kernel.asset.IsBlobReferencedQuery;
import io.playmark.kernel.asset.MediaKind;
import io.playmark.kernel.asset.Rendition;
import io.playmark.kernel.asset.Sha256;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jobrunr.jobs.RecurringJob;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The media library's query side end to end: commands → events → the read model in MongoDB and the search index in
 * Elasticsearch → GraphQL over HTTP. Each test makes its own assets under its own word and folder.
 */
class AssetLibraryIT extends PlaymarkIntegrationTest {

    private static final String ASSET_FIELDS = "id title description fileName folder tags customFields { key value } "
            + "expiresAt kind mediaType sizeBytes sha256 contentVersion versions { contentVersion sha256 fileName } "
            + "probe { videoCodec width height durationMillis } renditions { name sha256 } approval reviewComment "
            + "reviewedBy status retiredReason playableBy { profile source } playable createdBy updatedBy version";
    private static final String BY_ID = "query($id: ID!) { asset(id: $id) { " + ASSET_FIELDS + " } }";
    private static final String SEARCH = """
            query($text: String, $filter: AssetFilter, $sort: AssetSortInput, $first: Int, $after: String) {
              searchAssets(text: $text, filter: $filter, sort: $sort, first: $first, after: $after) {
                totalCount
                edges { cursor node { id title sizeBytes folder tags approval } }
                pageInfo { hasNextPage hasPreviousPage endCursor }
                facets { field buckets { value count } }
              } }""";
    private static final String BATCH_RESULT = "{ id ok asset { id approval folder tags status } "
            + "error { classification message } }";
    private static final String EDIT = "mutation($id: ID!, $input: AssetMetadataInput!) { editAssetMetadata(id: $id, "
            + "input: $input) { " + ASSET_FIELDS + " } }";

    @Autowired
    private ApplicationContext playmark;
    @Autowired
    private QueryGateway queries;
    @Autowired
    private JobScheduler jobs;
    @Autowired
    private StorageProvider jobStore;

    private TestAssets assets;
    private String word;
    private String folder;

    @BeforeEach
    void uniqueWordAndFolder() {
        assets = TestAssets.of(playmark);
        word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        folder = "/it/" + word;
    }

    @Test
    void the_read_model_follows_an_assets_life_and_names_who_changed_it() {
        AssetId id = video("Lobby loop " + word, folder, 1920, 1080, 15_000);
        PlaymarkApi manager = as(Role.MANAGER);

        JsonNode edited = data(manager.graphQl(EDIT, "id", id.value(), "input", Map.of("title", "Lobby loop 2 " + word,
                "description", "For the lobby", "customFields", List.of(Map.of("key", "campaign.code", "value", "X1")),
                "expiresAt", "2099-01-01T00:00:00Z")), "editAssetMetadata");

        assertThat(edited.get("title").asString()).isEqualTo("Lobby loop 2 " + word);
        assertThat(edited.get("customFields").get(0).get("key").asString()).isEqualTo("campaign.code");
        assertThat(edited.get("expiresAt").asString()).isEqualTo("2099-01-01T00:00:00Z");
        assertThat(edited.get("kind").asString()).isEqualTo("VIDEO");
        assertThat(edited.get("contentVersion").asInt()).isEqualTo(1);
        assertThat(edited.get("probe").get("videoCodec").asString()).isEqualTo("h264");
        assertThat(edited.get("createdBy").asString()).isEqualTo("system");
        assertThat(edited.get("updatedBy").asString()).isEqualTo("test MANAGER");
        assertThat(playableBy(edited)).containsExactly("hd-h264:ORIGINAL", "uhd-hevc:ORIGINAL");
        assertThat(edited.get("playable").asBoolean()).isTrue();

        JsonNode approved = manager.graphQl("mutation($ids: [ID!]!) { approveAssets(ids: $ids, comment: \"fine\") "
                + BATCH_RESULT + " }", "ids", List.of(id.value())).get("data").get("approveAssets").get(0);
        assertThat(approved.get("asset").get("approval").asString()).isEqualTo("APPROVED");
        JsonNode read = data(asAdmin().graphQl(BY_ID, "id", id.value()), "asset");
        assertThat(read.get("reviewComment").asString()).isEqualTo("fine");
        assertThat(read.get("reviewedBy").asString()).isEqualTo("test MANAGER");
    }

    @Test
    void a_real_video_is_found_by_what_media_processing_found_and_plays_where_its_renditions_do() throws Exception {
        TestAssets.Stored content = assets.store(TestMedia.mov(), "video/quicktime");
        AssetId id = assets.register("Real " + word, "real.mov", folder, Set.of(), content, "video/quicktime",
                MediaKind.VIDEO);

        // the bundled ffmpeg probes it and makes its renditions in a background job
        JsonNode processed = awaitAsset(id, view -> playableBy(view).stream().anyMatch(p -> p.startsWith("hd-h264:")));

        assertThat(processed.get("probe").get("width").asInt()).isEqualTo(TestMedia.SMALL_WIDTH);
        // the HD profile decodes MP4 only: it plays a rendition of the MOV
        assertThat(playableBy(processed)).contains("uhd-hevc:ORIGINAL").doesNotContain("hd-h264:ORIGINAL");
        // the search index follows the asset's renditions through its own projection
        JsonNode found = awaitSearch(answer -> facet(answer, "PLAYABLE_PROFILES").containsKey("hd-h264"));
        assertThat(ids(found)).containsExactly(id.value());
        assertThat(facet(found, "RESOLUTION_CLASS")).isEqualTo(Map.of("SD", 1L));
        assertThat(facet(found, "ORIENTATION")).isEqualTo(Map.of("LANDSCAPE", 1L));
        assertThat(facet(found, "DURATION_RANGE")).isEqualTo(Map.of("UNDER_10S", 1L));
        assertThat(facet(found, "PLAYABLE_PROFILES")).containsKeys("hd-h264", "uhd-hevc");
    }

    @Test
    void a_rendition_makes_an_asset_playable_for_a_profile_that_cannot_play_the_original() {
        AssetId id = video("Big " + word, folder, 1920, 1080, 15_000);
        assertThat(playableBy(asset(id))).doesNotContain("legacy-sd:video-720p");

        assets.rendition(id, 1, "video-720p", TestAssets.randomBytes(500), "video/mp4", "h264", 1280, 720);

        assertThat(playableBy(asset(id))).containsExactly("hd-h264:ORIGINAL", "uhd-hevc:ORIGINAL",
                "legacy-sd:video-720p");
    }

    @Test
    void only_the_current_versions_content_and_renditions_are_referred_to_and_none_once_deleted() {
        TestAssets.Stored first = assets.store(TestAssets.randomBytes(1000), "video/mp4");
        AssetId id = assets.register("Versions " + word, "v1.mp4", folder, Set.of(), first, "video/mp4",
                MediaKind.VIDEO);
        Rendition thumbnail = assets.rendition(id, 1, Rendition.THUMBNAIL, TestAssets.randomBytes(100), "image/jpeg",
                null, 320, 180);
        assertThat(referenced(first.sha256())).isTrue();
        assertThat(referenced(new Sha256(thumbnail.sha256()))).isTrue();

        TestAssets.Stored second = assets.store(TestAssets.randomBytes(1200), "video/mp4");
        assets.uploadVersion(id, "v2.mp4", second, "video/mp4", MediaKind.VIDEO);

        assertThat(referenced(first.sha256())).isFalse();
        assertThat(referenced(new Sha256(thumbnail.sha256()))).isFalse();
        assertThat(referenced(second.sha256())).isTrue();
        JsonNode view = asset(id);
        assertThat(view.get("contentVersion").asInt()).isEqualTo(2);
        assertThat(view.get("versions").valueStream().map(v -> v.get("fileName").asString()))
                .containsExactly("v1.mp4", "v2.mp4");
        assertThat(view.get("renditions")).isEmpty();

        deleteAll(List.of(id.value()));

        assertThat(referenced(second.sha256())).isFalse();
        assertThat(asset(id).get("status").asString()).isEqualTo("DELETED");
    }

    @Test
    void expired_active_assets_are_found_and_retired_ones_are_not() {
        AssetId expired = video("Expired " + word, folder, 1280, 720, 5_000);
        AssetId later = video("Later " + word, folder, 1280, 720, 5_000);
        PlaymarkApi admin = asAdmin();
        admin.graphQl(EDIT, "id", expired.value(), "input", Map.of("title", "Expired " + word,
                "expiresAt", Instant.now().minus(1, ChronoUnit.MINUTES).toString()));
        admin.graphQl(EDIT, "id", later.value(), "input", Map.of("title", "Later " + word,
                "expiresAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()));

        assertThat(expiredNow()).contains(expired).doesNotContain(later);

        admin.graphQl("mutation($ids: [ID!]!) { retireAssets(ids: $ids) " + BATCH_RESULT + " }",
                "ids", List.of(expired.value()));

        assertThat(expiredNow()).doesNotContain(expired);
        assertThat(asset(expired).get("status").asString()).isEqualTo("RETIRED");
    }

    @Test
    void the_recurring_expiry_job_retires_what_has_expired_and_nothing_else() throws InterruptedException {
        AssetId expired = video("Expiring " + word, folder, 1280, 720, 5_000);
        AssetId later = video("Lasting " + word, folder, 1280, 720, 5_000);
        PlaymarkApi admin = asAdmin();
        admin.graphQl(EDIT, "id", expired.value(), "input", Map.of("title", "Expiring " + word,
                "expiresAt", Instant.now().minus(1, ChronoUnit.MINUTES).toString()));
        admin.graphQl(EDIT, "id", later.value(), "input", Map.of("title", "Lasting " + word,
                "expiresAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()));
        assertThat(jobStore.getRecurringJobs()).extracting(RecurringJob::getId).contains("asset-expiry");

        jobs.<AssetExpiry>enqueue(expiry -> expiry.run(JobContext.Null));

        assertThat(awaitAsset(expired, view -> view.get("status").asString().equals("RETIRED")).get("status")
                .asString()).isEqualTo("RETIRED");
        assertThat(asset(later).get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void search_finds_a_word_of_the_title_with_facets_that_leave_their_own_filter_out() {
        video("Summer " + word + " landscape", folder + "/outdoor", 1920, 1080, 15_000);
        hevcPortrait("Summer " + word + " portrait", folder + "/outdoor/north");
        AssetId poster = image("Summer " + word + " poster", folder, 4000, 3000);

        JsonNode all = search(Map.of());
        assertThat(all.get("totalCount").asInt()).isEqualTo(3);
        assertThat(facet(all, "KIND")).isEqualTo(Map.of("VIDEO", 2L, "IMAGE", 1L));
        assertThat(facet(all, "RESOLUTION_CLASS")).isEqualTo(Map.of("FULL_HD", 1L, "HD", 1L, "UHD_4K", 1L));
        assertThat(facet(all, "ORIENTATION")).isEqualTo(Map.of("LANDSCAPE", 2L, "PORTRAIT", 1L));
        assertThat(facet(all, "DURATION_RANGE")).isEqualTo(Map.of("FROM_10S_TO_30S", 1L, "UNDER_10S", 1L));
        assertThat(facet(all, "FOLDER")).containsEntry(folder, 3L).containsEntry(folder + "/outdoor", 2L)
                .containsEntry(folder + "/outdoor/north", 1L);
        assertThat(facet(all, "PLAYABLE")).isEqualTo(Map.of("true", 2L, "false", 1L));
        assertThat(facet(all, "PLAYABLE_PROFILES")).isEqualTo(Map.of("uhd-hevc", 2L, "hd-h264", 1L));

        JsonNode videos = search(Map.of("kinds", List.of("VIDEO")));
        assertThat(videos.get("totalCount").asInt()).isEqualTo(2);
        assertThat(facet(videos, "KIND")).as("the kind facet ignores the kind filter")
                .isEqualTo(Map.of("VIDEO", 2L, "IMAGE", 1L));
        assertThat(facet(videos, "ORIENTATION")).isEqualTo(Map.of("LANDSCAPE", 1L, "PORTRAIT", 1L));

        assertThat(titles(search(Map.of("folder", folder + "/outdoor")))).hasSize(2);
        assertThat(titles(search(Map.of("folder", folder + "/outdoor/north", "orientations", List.of("PORTRAIT")))))
                .containsExactly("Summer " + word + " portrait");
        JsonNode flagged = search(Map.of("playable", false));
        assertThat(ids(flagged)).containsExactly(poster.value());
        assertThat(titles(search(Map.of("durationRanges", List.of("UNDER_10S"))))).containsExactly(
                "Summer " + word + " portrait");
    }

    @Test
    void search_pages_with_cursors_in_the_order_asked_without_repeating_or_skipping() {
        List<Integer> sizes = List.of(3000, 1000, 2000, 4000);
        for (int i = 0; i < sizes.size(); i++) {
            TestAssets.Stored content = assets.store(TestAssets.randomBytes(sizes.get(i)), "video/mp4");
            assets.register("Paged " + word + " " + i, "paged.mp4", folder, Set.of(), content, "video/mp4",
                    MediaKind.VIDEO);
        }
        List<Long> seen = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        for (int page = 0; hasNext; page++) {
            JsonNode result = data(asAdmin().graphQl(SEARCH, "text", word, "sort",
                    Map.of("field", "SIZE", "direction", "ASC"), "first", 3, "after", after), "searchAssets");
            result.get("edges").forEach(edge -> seen.add(edge.get("node").get("sizeBytes").asLong()));
            assertThat(result.get("pageInfo").get("hasPreviousPage").asBoolean()).isEqualTo(page > 0);
            assertThat(result.get("totalCount").asInt()).isEqualTo(4);
            hasNext = result.get("pageInfo").get("hasNextPage").asBoolean();
            after = result.get("pageInfo").get("endCursor").asString();
            assertThat(page).as("pages").isLessThan(3);
        }
        assertThat(seen).containsExactly(1000L, 2000L, 3000L, 4000L);
        JsonNode byTitle = data(asAdmin().graphQl(SEARCH, "text", word, "sort", Map.of("field", "TITLE",
                "direction", "DESC"), "first", 2), "searchAssets");
        assertThat(titles(byTitle)).containsExactly("Paged " + word + " 3", "Paged " + word + " 2");

        JsonNode malformed = asAdmin().graphQl(SEARCH, "text", word, "after", "not-a-cursor");
        assertThat(malformed.get("errors").get(0).get("extensions").get("classification").asString())
                .isEqualTo("BAD_REQUEST");
    }

    @Test
    void a_batch_answers_per_item_and_one_failing_item_never_fails_the_others() {
        AssetId probed = video("Batch " + word, folder, 1280, 720, 5_000);
        TestAssets.Stored content = assets.store(TestAssets.randomBytes(800), "video/mp4");
        AssetId waiting = assets.register("Batch waiting " + word, "w.mp4", folder, Set.of(), content, "video/mp4",
                MediaKind.VIDEO);
        String unknown = UUID.randomUUID().toString();

        JsonNode results = as(Role.MANAGER).graphQl("mutation($ids: [ID!]!) { approveAssets(ids: $ids) "
                + BATCH_RESULT + " }", "ids", List.of(probed.value(), waiting.value(), unknown, "not-a-uuid"))
                .get("data").get("approveAssets");

        assertThat(results.get(0).get("ok").asBoolean()).isTrue();
        assertThat(results.get(0).get("asset").get("approval").asString()).isEqualTo("APPROVED");
        assertThat(results.get(1).get("ok").asBoolean()).isFalse();
        assertThat(results.get(1).get("error").get("classification").asString()).isEqualTo("CONFLICT");
        assertThat(results.get(1).get("error").get("message").asString()).contains("still being checked");
        assertThat(results.get(2).get("error").get("classification").asString()).isEqualTo("NOT_FOUND");
        assertThat(results.get(3).get("error").get("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(titles(search(Map.of("approvals", List.of("APPROVED"))))).containsExactly("Batch " + word);
    }

    @Test
    void the_rest_batch_answers_per_item_as_graphql_does_and_refuses_a_batch_without_an_operation() {
        AssetId first = video("Rest batch " + word, folder, 1280, 720, 5_000);
        AssetId second = video("Rest batch two " + word, folder, 1280, 720, 5_000);
        String unknown = UUID.randomUUID().toString();
        PlaymarkApi manager = as(Role.MANAGER);

        PlaymarkApi.Response tagged = manager.post("/api/v1/assets/batch", Map.of("operation", "TAG",
                "ids", List.of(first.value(), unknown, second.value()), "add", List.of("Rest " + word)));

        assertThat(tagged.status()).as(tagged.text()).isEqualTo(200);
        JsonNode results = tagged.body().get("results");
        assertThat(results.valueStream().map(result -> result.get("ok").asBoolean())).containsExactly(true, false, true);
        assertThat(results.get(1).get("error").get("classification").asString()).isEqualTo("NOT_FOUND");
        assertThat(results.get(2).get("asset").get("tags").toString()).contains("rest " + word);
        assertThat(titles(search(Map.of("tags", List.of("rest " + word)))))
                .containsExactlyInAnyOrder("Rest batch " + word, "Rest batch two " + word);

        PlaymarkApi.Response moved = manager.post("/api/v1/assets/batch", Map.of("operation", "MOVE",
                "ids", List.of(first.value()), "folder", folder + "/moved"));
        assertThat(moved.body().get("results").get(0).get("asset").get("folder").asString()).isEqualTo(folder + "/moved");

        PlaymarkApi.Response noOperation = manager.post("/api/v1/assets/batch", Map.of("ids", List.of(first.value())));
        assertThat(noOperation.status()).isEqualTo(400);
        assertThat(noOperation.text()).contains("operation");
        assertThat(as(Role.ANALYST).post("/api/v1/assets/batch", Map.of("operation", "DELETE",
                "ids", List.of(first.value()))).status()).isEqualTo(403);
    }

    @Test
    void tags_moves_and_deletes_are_in_search_when_the_mutation_answers() {
        AssetId id = video("Organized " + word, folder, 1280, 720, 5_000);
        PlaymarkApi admin = asAdmin();

        JsonNode tagged = admin.graphQl("mutation($ids: [ID!]!) { tagAssets(ids: $ids, add: [\"Summer Sale\", \"x\"], "
                + "remove: [\"x\"]) " + BATCH_RESULT + " }", "ids", List.of(id.value())).get("data").get("tagAssets");
        assertThat(tagged.get(0).get("asset").get("tags").valueStream().map(JsonNode::asString))
                .containsExactly("summer sale", "x");
        admin.graphQl("mutation($ids: [ID!]!, $folder: String!) { moveAssets(ids: $ids, folder: $folder) "
                + BATCH_RESULT + " }", "ids", List.of(id.value()), "folder", folder + "/moved");

        assertThat(ids(search(Map.of("tags", List.of("summer sale"), "folder", folder + "/moved"))))
                .containsExactly(id.value());
        assertThat(facet(search(Map.of()), "TAGS")).isEqualTo(Map.of("summer sale", 1L, "x", 1L));

        deleteAll(List.of(id.value()));

        assertThat(search(Map.of()).get("totalCount").asInt()).isZero();
    }

    @Test
    void storage_usage_sums_content_and_renditions_per_folder_with_its_subfolders() {
        TestAssets.Stored top = assets.store(TestAssets.randomBytes(1000), "video/mp4");
        AssetId topAsset = assets.register("Usage " + word, "u.mp4", folder, Set.of(), top, "video/mp4",
                MediaKind.VIDEO);
        assets.rendition(topAsset, 1, Rendition.THUMBNAIL, TestAssets.randomBytes(100), "image/jpeg", null, 320, 180);
        TestAssets.Stored sub = assets.store(TestAssets.randomBytes(500), "image/png");
        assets.register("Usage sub " + word, "u.png", folder + "/sub", Set.of(), sub, "image/png", MediaKind.IMAGE);

        JsonNode usage = data(as(Role.ANALYST).graphQl("{ assetStorageUsage { assetCount contentBytes storedBytes "
                + "folders { folder assetCount contentBytes storedBytes } } }"), "assetStorageUsage");

        Map<String, JsonNode> folders = new java.util.HashMap<>();
        usage.get("folders").forEach(f -> folders.put(f.get("folder").asString(), f));
        assertThat(folders.get(folder).get("assetCount").asInt()).isEqualTo(2);
        assertThat(folders.get(folder).get("contentBytes").asLong()).isEqualTo(1500);
        assertThat(folders.get(folder).get("storedBytes").asLong()).isEqualTo(1600);
        assertThat(folders.get(folder + "/sub").get("contentBytes").asLong()).isEqualTo(500);
        assertThat(folders.get("/").get("storedBytes").asLong()).isEqualTo(usage.get("storedBytes").asLong());
        assertThat(usage.get("contentBytes").asLong()).isGreaterThanOrEqualTo(1500);
    }

    @Test
    void readers_read_and_only_managers_and_admins_change() {
        AssetId id = video("Roles " + word, folder, 1280, 720, 5_000);

        assertThat(data(as(Role.AUDITOR).graphQl(BY_ID, "id", id.value()), "asset").get("id").asString())
                .isEqualTo(id.value());
        JsonNode denied = as(Role.ANALYST).graphQl("mutation($ids: [ID!]!) { deleteAssets(ids: $ids) "
                + BATCH_RESULT + " }", "ids", List.of(id.value()));
        assertThat(denied.get("errors").get(0).get("extensions").get("classification").asString())
                .isEqualTo("FORBIDDEN");
        JsonNode player = as(Role.PLAYER).graphQl(BY_ID, "id", id.value());
        assertThat(player.get("errors").get(0).get("extensions").get("classification").asString())
                .isEqualTo("FORBIDDEN");
        assertThat(asset(id).get("status").asString()).isEqualTo("ACTIVE");
    }

    private AssetId video(String title, String inFolder, int width, int height, long durationMillis) {
        return assets.probed(title, "clip.mp4", inFolder, "video/mp4", MediaKind.VIDEO,
                TestAssets.video("h264", width, height, durationMillis));
    }

    private void hevcPortrait(String title, String inFolder) {
        assets.probed(title, "clip.mov", inFolder, "video/quicktime", MediaKind.VIDEO,
                TestAssets.video("hevc", 720, 1280, 5_000));
    }

    private AssetId image(String title, String inFolder, int width, int height) {
        return assets.probed(title, "poster.png", inFolder, "image/png", MediaKind.IMAGE,
                TestAssets.image("png", width, height));
    }

    private JsonNode asset(AssetId id) {
        return data(asAdmin().graphQl(BY_ID, "id", id.value()), "asset");
    }

    private JsonNode awaitAsset(AssetId id, java.util.function.Predicate<JsonNode> done) throws InterruptedException {
        return await(() -> asset(id), done, "asset " + id + " still unprocessed");
    }

    private JsonNode awaitSearch(java.util.function.Predicate<JsonNode> done) throws InterruptedException {
        return await(() -> search(Map.of()), done, "search still without it");
    }

    private static JsonNode await(java.util.function.Supplier<JsonNode> read, java.util.function.Predicate<JsonNode> done,
                                  String what) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
        JsonNode answer = read.get();
        while (!done.test(answer)) {
            assertThat(System.nanoTime()).as("%s: %s", what, answer).isLessThan(deadline);
            Thread.sleep(500);
            answer = read.get();
        }
        return answer;
    }

    private JsonNode search(Map<String, Object> filter) {
        return data(asAdmin().graphQl(SEARCH, "text", word, "filter", filter, "first", 100), "searchAssets");
    }

    private void deleteAll(List<String> ids) {
        JsonNode results = asAdmin().graphQl("mutation($ids: [ID!]!) { deleteAssets(ids: $ids) " + BATCH_RESULT + " }",
                "ids", ids).get("data").get("deleteAssets");
        results.forEach(result -> assertThat(result.get("ok").asBoolean()).as(result.toString()).isTrue());
    }

    private boolean referenced(Sha256 sha256) {
        return queries.query(new IsBlobReferencedQuery(sha256), ResponseTypes.instanceOf(Boolean.class)).join();
    }

    private List<AssetId> expiredNow() {
        return queries.query(new FindExpiredAssetsQuery(Instant.now(), 1000),
                ResponseTypes.multipleInstancesOf(AssetId.class)).join();
    }

    private static List<String> playableBy(JsonNode asset) {
        return asset.get("playableBy").valueStream()
                .map(p -> p.get("profile").asString() + ":" + p.get("source").asString()).toList();
    }

    private static Map<String, Long> facet(JsonNode result, String field) {
        Map<String, Long> counts = new java.util.HashMap<>();
        result.get("facets").valueStream().filter(f -> f.get("field").asString().equals(field)).findFirst()
                .orElseThrow().get("buckets").forEach(b -> counts.put(b.get("value").asString(), b.get("count").asLong()));
        return counts;
    }

    private static List<String> titles(JsonNode result) {
        return result.get("edges").valueStream().map(e -> e.get("node").get("title").asString()).toList();
    }

    private static List<String> ids(JsonNode result) {
        return result.get("edges").valueStream().map(e -> e.get("node").get("id").asString()).toList();
    }

    private static JsonNode data(JsonNode response, String field) {
        assertThat(response.get("errors")).as("errors in " + response).isNull();
        return response.get("data").get(field);
    }
}
