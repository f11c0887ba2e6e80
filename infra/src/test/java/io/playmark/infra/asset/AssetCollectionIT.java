package io.playmark.infra.asset;

import io.playmark.infra.security.Role;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.infra.support.TestAssets;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.MediaKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Collections end to end, through GraphQL and REST: curated, listed, shown on their assets, left by deleted assets. */
class AssetCollectionIT extends PlaymarkIntegrationTest {

    private static final String COLLECTIONS = "/api/v1/asset-collections";
    private static final String COLLECTION_FIELDS = "id name assetCount createdBy updatedBy "
            + "assets(first: $first, after: $after) { edges { cursor node { id } } "
            + "pageInfo { hasNextPage endCursor } }";
    private static final String CREATE = "mutation($input: CreateAssetCollectionInput!) { createAssetCollection("
            + "input: $input) { id name assetCount createdBy } }";
    private static final String BY_ID = "query($id: ID!, $first: Int!, $after: String) { assetCollection(id: $id) { "
            + COLLECTION_FIELDS + " } }";
    private static final String BATCH_RESULT = "{ id ok asset { id collections { id name } } "
            + "error { classification message } }";
    private static final String ADD = "mutation($collection: ID!, $ids: [ID!]!) { addAssetsToCollection("
            + "collectionId: $collection, ids: $ids) " + BATCH_RESULT + " }";
    private static final String REMOVE = "mutation($collection: ID!, $ids: [ID!]!) { removeAssetsFromCollection("
            + "collectionId: $collection, ids: $ids) " + BATCH_RESULT + " }";
    private static final String ASSET_COLLECTIONS = "query($id: ID!) { asset(id: $id) { collections { id name } } }";

    @Autowired
    private ApplicationContext playmark;

    private TestAssets assets;
    private PlaymarkApi manager;

    @BeforeEach
    void setUp() {
        assets = TestAssets.of(playmark);
        manager = as(Role.MANAGER);
    }

    @Test
    void a_collection_is_curated_over_graphql_answering_per_asset_and_a_deleted_asset_leaves_it() {
        String id = UUID.randomUUID().toString();
        Map<String, Object> input = Map.of("id", id, "name", "Summer picks");
        JsonNode created = dataOf(manager.graphQl(CREATE, "input", input), "createAssetCollection");
        assertThat(created.get("name").asString()).isEqualTo("Summer picks");
        assertThat(created.get("createdBy").asString()).isEqualTo("test MANAGER");
        assertThat(dataOf(manager.graphQl(CREATE, "input", input), "createAssetCollection").get("id").asString())
                .as("a retried create").isEqualTo(id);
        assertThat(classification(manager.graphQl(CREATE, "input", Map.of("id", id, "name", "Other"))))
                .isEqualTo("CONFLICT");

        AssetId first = asset("first");
        AssetId second = asset("second");
        String unknown = UUID.randomUUID().toString();
        JsonNode results = dataOf(manager.graphQl(ADD, "collection", id,
                "ids", List.of(first.value(), unknown, second.value())), "addAssetsToCollection");
        assertThat(results.get(0).get("ok").asBoolean()).isTrue();
        assertThat(results.get(0).get("asset").get("collections").get(0).get("name").asString())
                .isEqualTo("Summer picks");
        assertThat(results.get(1).get("ok").asBoolean()).isFalse();
        assertThat(results.get(1).get("error").get("classification").asString()).isEqualTo("NOT_FOUND");
        assertThat(results.get(2).get("ok").asBoolean()).isTrue();
        JsonNode toNowhere = dataOf(manager.graphQl(ADD, "collection", UUID.randomUUID().toString(),
                "ids", List.of(first.value())), "addAssetsToCollection").get(0);
        assertThat(toNowhere.get("error").get("message").asString()).startsWith("No collection with id");

        List<String> inOrder = Set.of(first.value(), second.value()).stream().sorted().toList();
        JsonNode page = dataOf(manager.graphQl(BY_ID, "id", id, "first", 1), "assetCollection");
        assertThat(page.get("assetCount").asInt()).isEqualTo(2);
        assertThat(page.get("assets").get("edges").get(0).get("node").get("id").asString()).isEqualTo(inOrder.get(0));
        assertThat(page.get("assets").get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
        JsonNode next = dataOf(manager.graphQl(BY_ID, "id", id, "first", 1,
                "after", page.get("assets").get("pageInfo").get("endCursor").asString()), "assetCollection");
        assertThat(next.get("assets").get("edges").get(0).get("node").get("id").asString()).isEqualTo(inOrder.get(1));

        JsonNode removed = dataOf(manager.graphQl(REMOVE, "collection", id, "ids", List.of(first.value())),
                "removeAssetsFromCollection").get(0);
        assertThat(removed.get("asset").get("collections")).isEmpty();

        JsonNode deleted = manager.graphQl("mutation($ids: [ID!]!) { deleteAssets(ids: $ids) { ok } }",
                "ids", List.of(second.value()));
        assertThat(deleted.get("data").get("deleteAssets").get(0).get("ok").asBoolean()).isTrue();
        JsonNode emptied = dataOf(manager.graphQl(BY_ID, "id", id, "first", 10), "assetCollection");
        assertThat(emptied.get("assetCount").asInt()).isZero();
        assertThat(dataOf(manager.graphQl(ASSET_COLLECTIONS, "id", second.value()), "asset").get("collections"))
                .as("a deleted asset is in no collection").isEmpty();
    }

    @Test
    void renaming_and_deleting_a_collection_shows_on_its_assets_and_its_assets_stay() {
        String id = dataOf(manager.graphQl(CREATE, "input", Map.of("name", "Lobby")), "createAssetCollection")
                .get("id").asString();
        AssetId asset = asset("lobby");
        dataOf(manager.graphQl(ADD, "collection", id, "ids", List.of(asset.value())), "addAssetsToCollection");

        JsonNode renamed = dataOf(manager.graphQl("mutation($id: ID!) { renameAssetCollection(id: $id, name: "
                + "\"Lobby 2027\") { name updatedBy } }", "id", id), "renameAssetCollection");
        assertThat(renamed.get("name").asString()).isEqualTo("Lobby 2027");
        assertThat(dataOf(manager.graphQl(ASSET_COLLECTIONS, "id", asset.value()), "asset").get("collections").get(0)
                .get("name").asString()).isEqualTo("Lobby 2027");

        assertThat(dataOf(manager.graphQl("mutation($id: ID!) { deleteAssetCollection(id: $id) }", "id", id),
                "deleteAssetCollection").asString()).isEqualTo(id);
        assertThat(classification(manager.graphQl(BY_ID, "id", id, "first", 1))).isEqualTo("NOT_FOUND");
        assertThat(dataOf(manager.graphQl(ASSET_COLLECTIONS, "id", asset.value()), "asset").get("collections"))
                .isEmpty();
        assertThat(classification(manager.graphQl("mutation($id: ID!) { renameAssetCollection(id: $id, name: \"x\") "
                + "{ id } }", "id", id))).isEqualTo("CONFLICT");
        assertThat(classification(as(Role.ANALYST).graphQl(CREATE, "input", Map.of("name", "x"))))
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void a_collection_is_curated_over_rest() {
        String id = UUID.randomUUID().toString();
        PlaymarkApi.Response created = manager.post(COLLECTIONS, Map.of("id", id, "name", "Rest picks " + id));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains(COLLECTIONS + "/" + id);

        AssetId asset = asset("rest");
        PlaymarkApi.Response added = manager.post("/api/v1/assets/batch",
                Map.of("operation", "ADD_TO_COLLECTION", "collection", id, "ids", List.of(asset.value())));
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body().get("results").get(0).get("asset").get("collectionIds").get(0).asString())
                .isEqualTo(id);

        JsonNode listed = manager.get(COLLECTIONS + "/" + id + "/assets").body();
        assertThat(listed.get("assets").get(0).get("id").asString()).isEqualTo(asset.value());
        PlaymarkApi.Response renamed = manager.send("PATCH", COLLECTIONS + "/" + id,
                "{\"name\": \"Rest picks renamed " + id + "\"}", "Content-Type", "application/json");
        assertThat(renamed.body().get("name").asString()).isEqualTo("Rest picks renamed " + id);
        assertThat(renamed.body().get("assetCount").asInt()).isEqualTo(1);
        JsonNode all = as(Role.ANALYST).get(COLLECTIONS + "?first=100").body();
        assertThat(all.get("collections").valueStream().map(c -> c.get("id").asString())).contains(id);

        assertThat(manager.delete(COLLECTIONS + "/" + id).status()).isEqualTo(204);
        assertThat(manager.get(COLLECTIONS + "/" + id).status()).isEqualTo(404);
        assertThat(manager.get("/api/v1/assets/" + asset.value()).status()).as("its assets stay").isEqualTo(200);
    }

    private AssetId asset(String name) {
        TestAssets.Stored content = assets.store(TestAssets.randomBytes(1000), "image/png");
        return assets.register(name, name + ".png", "/it/collections", Set.of(), content, "image/png",
                MediaKind.IMAGE);
    }

    private static String classification(JsonNode response) {
        assertThat(response.get("errors")).as("errors in " + response).isNotEmpty();
        return response.get("errors").get(0).get("extensions").get("classification").asString();
    }
}
