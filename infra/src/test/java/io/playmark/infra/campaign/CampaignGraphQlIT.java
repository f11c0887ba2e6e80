package io.playmark.infra.campaign;

import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Campaigns end to end: GraphQL over HTTP → commands → events → MongoDB and Elasticsearch → queries. */
class CampaignGraphQlIT extends PlaymarkIntegrationTest {

    private static final String FIELDS = "id name advertiser createdAt updatedAt version";
    private static final String CREATE = "mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { "
            + FIELDS + " } }";
    private static final String RENAME = "mutation($id: ID!, $name: String!) { renameCampaign(id: $id, name: $name) { "
            + FIELDS + " } }";
    private static final String BY_ID = "query($id: ID!) { campaign(id: $id) { " + FIELDS + " } }";
    private static final String PAGE = "query($first: Int, $after: String) { campaigns(first: $first, after: $after) {"
            + " edges { cursor node { id name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";
    private static final String SEARCH = "query($text: String!) { searchCampaigns(text: $text) { " + FIELDS + " } }";

    @Autowired
    private EventStore eventStore;

    @Test
    void a_created_campaign_can_be_read_back_by_id_in_the_list_and_through_search_at_once() {
        PlaymarkApi api = asAdmin();
        String advertiser = "Acme " + unique();
        JsonNode created = data(api.graphQl(CREATE, "input", input(null, "Summer sale", advertiser)), "createCampaign");
        String id = created.get("id").asString();

        assertThat(created.get("name").asString()).isEqualTo("Summer sale");
        assertThat(created.get("version").asInt()).isZero();
        assertThat(created.get("createdAt").asString()).endsWith("Z");

        JsonNode byId = data(api.graphQl(BY_ID, "id", id), "campaign");
        assertThat(byId.get("advertiser").asString()).isEqualTo(advertiser);

        JsonNode firstPage = data(api.graphQl(PAGE, "first", 100), "campaigns");
        assertThat(firstPage.get("edges").valueStream().map(edge -> edge.get("node").get("id").asString()))
                .contains(id);

        JsonNode hits = data(api.graphQl(SEARCH, "text", advertiser), "searchCampaigns");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).get("id").asString()).isEqualTo(id);
    }

    @Test
    void a_rename_is_visible_in_the_read_model_and_in_search_when_the_mutation_returns() {
        PlaymarkApi api = asAdmin();
        String id = create(api, "Spring sale", "Globex");
        String newName = "Midsummer " + unique();

        JsonNode renamed = data(api.graphQl(RENAME, "id", id, "name", newName), "renameCampaign");

        assertThat(renamed.get("name").asString()).isEqualTo(newName);
        assertThat(renamed.get("version").asInt()).isEqualTo(1);
        assertThat(data(api.graphQl(BY_ID, "id", id), "campaign").get("name").asString()).isEqualTo(newName);
        assertThat(data(api.graphQl(SEARCH, "text", newName), "searchCampaigns").get(0).get("name").asString())
                .isEqualTo(newName);
    }

    @Test
    void renaming_to_the_current_name_records_no_new_version() {
        PlaymarkApi api = asAdmin();
        String id = create(api, "Same name", "Initech");

        JsonNode renamed = data(api.graphQl(RENAME, "id", id, "name", " Same name "), "renameCampaign");

        assertThat(renamed.get("version").asInt()).isZero();
    }

    @Test
    void a_create_retried_with_the_same_id_and_values_returns_the_same_campaign() {
        PlaymarkApi api = asAdmin();
        String id = UUID.randomUUID().toString();
        JsonNode first = data(api.graphQl(CREATE, "input", input(id, "Retry me", "Umbrella")), "createCampaign");

        JsonNode retried = data(api.graphQl(CREATE, "input", input(id, "Retry me", "Umbrella")), "createCampaign");

        assertThat(retried).isEqualTo(first);
    }

    @Test
    void a_create_reusing_an_id_with_other_values_is_a_conflict() {
        PlaymarkApi api = asAdmin();
        String id = UUID.randomUUID().toString();
        create(api, id, "Original", "Umbrella");

        JsonNode response = api.graphQl(CREATE, "input", input(id, "Different", "Umbrella"));

        assertThat(classification(response)).isEqualTo("CONFLICT");
    }

    @Test
    void blank_and_overlong_names_are_bad_requests_naming_the_field() {
        PlaymarkApi api = asAdmin();

        JsonNode blank = api.graphQl(CREATE, "input", input(null, "   ", "Acme"));
        JsonNode overlong = api.graphQl(CREATE, "input", input(null, "x".repeat(201), "Acme"));
        JsonNode blankRename = api.graphQl(RENAME, "id", create(api, "Fine", "Acme"), "name", "");

        for (JsonNode response : List.of(blank, overlong, blankRename)) {
            assertThat(classification(response)).isEqualTo("BAD_REQUEST");
            assertThat(response.get("errors").get(0).get("extensions").get("field").asString()).isEqualTo("name");
        }
        assertThat(overlong.get("errors").get(0).get("message").asString())
                .isEqualTo("name must be at most 200 characters, was 201");
    }

    @Test
    void a_name_of_exactly_200_characters_is_accepted() {
        JsonNode created = data(asAdmin().graphQl(CREATE, "input", input(null, "n".repeat(200), "Acme")),
                "createCampaign");

        assertThat(created.get("name").asString()).hasSize(200);
    }

    @Test
    void unknown_and_malformed_ids_are_classified_errors() {
        PlaymarkApi api = asAdmin();
        String unknown = UUID.randomUUID().toString();

        assertThat(classification(api.graphQl(BY_ID, "id", unknown))).isEqualTo("NOT_FOUND");
        assertThat(classification(api.graphQl(RENAME, "id", unknown, "name", "Whatever"))).isEqualTo("NOT_FOUND");
        assertThat(classification(api.graphQl(BY_ID, "id", "not-a-uuid"))).isEqualTo("BAD_REQUEST");
    }

    @Test
    void the_list_pages_newest_first_with_relay_cursors() {
        PlaymarkApi api = asAdmin();
        List<String> created = List.of(create(api, "Page 1", "Pager"), create(api, "Page 2", "Pager"),
                create(api, "Page 3", "Pager"));

        JsonNode first = data(api.graphQl(PAGE, "first", 2), "campaigns");
        assertThat(first.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
        assertThat(first.get("pageInfo").get("hasPreviousPage").asBoolean()).isFalse();
        JsonNode second = data(api.graphQl(PAGE, "first", 1, "after",
                first.get("pageInfo").get("endCursor").asString()), "campaigns");
        assertThat(second.get("pageInfo").get("hasPreviousPage").asBoolean()).isTrue();

        List<String> paged = new java.util.ArrayList<>(ids(first));
        paged.addAll(ids(second));
        assertThat(paged).as("the three newest campaigns, each once").containsExactlyInAnyOrderElementsOf(created);
        List<java.time.Instant> createdAt = paged.stream()
                .map(id -> data(api.graphQl(BY_ID, "id", id), "campaign").get("createdAt").asString())
                .map(java.time.Instant::parse).toList();
        assertThat(createdAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        assertThat(classification(api.graphQl(PAGE, "first", 2, "after", "garbage"))).isEqualTo("BAD_REQUEST");
        assertThat(classification(api.graphQl(PAGE, "first", 0))).isEqualTo("BAD_REQUEST");
    }

    @Test
    void every_event_records_who_asked_from_where_and_why() {
        String id = create(asAdmin(), "Audited", "Acme");

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id).asStream().toList();

        assertThat(events).hasSize(1);
        var metaData = events.getFirst().getMetaData();
        assertThat(metaData.get("principal")).isEqualTo("admin");
        assertThat(metaData.get("authentication")).isEqualTo("api-key");
        assertThat(metaData.get("apiKeyId")).isEqualTo("configured-admin");
        assertThat((String) metaData.get("clientAddress")).isNotBlank();
        assertThat((String) metaData.get("correlationId")).isNotBlank();
        assertThat((String) metaData.get("causationId")).isNotBlank();
    }

    private String create(PlaymarkApi api, String name, String advertiser) {
        return create(api, null, name, advertiser);
    }

    private String create(PlaymarkApi api, String id, String name, String advertiser) {
        return data(api.graphQl(CREATE, "input", input(id, name, advertiser)), "createCampaign").get("id").asString();
    }

    private static java.util.Map<String, Object> input(String id, String name, String advertiser) {
        var input = new java.util.HashMap<String, Object>();
        input.put("name", name);
        input.put("advertiser", advertiser);
        if (id != null) {
            input.put("id", id);
        }
        return input;
    }

    private static JsonNode data(JsonNode response, String field) {
        assertThat(response.get("errors")).as("errors in %s", response).isNull();
        return response.get("data").get(field);
    }

    private static String classification(JsonNode response) {
        assertThat(response.get("errors")).as("errors in %s", response).isNotNull();
        return response.get("errors").get(0).get("extensions").get("classification").asString();
    }

    private static List<String> ids(JsonNode connection) {
        return connection.get("edges").valueStream().map(edge -> edge.get("node").get("id").asString()).toList();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
