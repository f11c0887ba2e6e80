package io.playmark.infra.support;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Campaigns made and renamed over GraphQL, for tests that need an aggregate with a few events by a known caller. */
public final class TestCampaigns {

    private TestCampaigns() {
    }

    public static String create(PlaymarkApi api, String name) {
        JsonNode answer = api.graphQl("mutation($name: String!) { createCampaign(input: {name: $name, advertiser: "
                + "\"Acme\"}) { id } }", "name", name);
        assertThat(answer.get("errors")).as("errors in %s", answer).isNull();
        return answer.get("data").get("createCampaign").get("id").asString();
    }

    public static void rename(PlaymarkApi api, String id, String name) {
        JsonNode answer = api.graphQl("mutation($id: ID!, $name: String!) { renameCampaign(id: $id, name: $name) "
                + "{ id } }", "id", id, "name", name);
        assertThat(answer.get("errors")).as("errors in %s", answer).isNull();
    }
}
