package io.playmark.infra.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StateFieldsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void nested_objects_become_dotted_fields_and_lists_stay_whole() throws Exception {
        Map<String, JsonNode> fields = StateFields.of(json.readTree(
                "{\"name\":\"A\",\"flight\":{\"start\":\"s\",\"end\":null},\"tags\":[1,2],\"goal\":{}}"));
        assertThat(fields.keySet()).containsExactly("name", "flight.start", "flight.end", "tags", "goal");
        assertThat(fields.get("tags").toString()).isEqualTo("[1,2]");
    }

    @Test
    void changed_fields_are_those_whose_values_differ_with_null_and_absent_alike() throws Exception {
        Map<String, JsonNode> before = StateFields.of(json.readTree(
                "{\"name\":\"A\",\"flight\":{\"start\":\"s\"},\"tags\":[1],\"caps\":null}"));
        Map<String, JsonNode> after = StateFields.of(json.readTree(
                "{\"name\":\"B\",\"flight\":{\"start\":\"s\"},\"tags\":[1,2],\"status\":\"BOOKED\"}"));
        assertThat(StateFields.changed(before, after)).containsExactly("name", "status", "tags");
        assertThat(StateFields.changed(before, StateFields.of(null))).containsExactly("flight.start", "name", "tags");
    }
}
