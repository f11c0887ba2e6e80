package io.playmark.infra.graphql;

import io.playmark.infra.support.PlaymarkIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema explains itself: every type, field and input field of Playmark's own has a description. */
class GraphQlSchemaIT extends PlaymarkIntegrationTest {

    private static final String TYPES = """
            { __schema { types { name kind description
                fields { name description args { name } }
                inputFields { name description } } } }""";

    @Test
    void every_type_and_field_of_playmarks_schema_has_a_description() {
        JsonNode types = asAdmin().graphQl(TYPES).get("data").get("__schema").get("types");
        List<String> undescribed = new ArrayList<>();
        types.valueStream()
                .filter(type -> !type.get("name").asString().startsWith("__"))
                .filter(type -> !List.of("String", "Boolean", "Int", "Float", "ID").contains(type.get("name").asString()))
                .forEach(type -> {
                    String name = type.get("name").asString();
                    if (blank(type.get("description"))) {
                        undescribed.add(name);
                    }
                    for (String members : new String[]{"fields", "inputFields"}) {
                        if (type.get(members) != null && type.get(members).isArray()) {
                            type.get(members).valueStream().filter(field -> blank(field.get("description")))
                                    .forEach(field -> undescribed.add(name + "." + field.get("name").asString()));
                        }
                    }
                });

        assertThat(types.size()).as("types in the schema").isGreaterThan(5);
        assertThat(undescribed).as("types and fields without a description").isEmpty();
    }

    private static boolean blank(JsonNode description) {
        return description == null || description.isNull() || description.asString().isBlank();
    }
}
