package io.playmark.kernel.asset;

import io.playmark.kernel.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssetValuesTest {

    @ParameterizedTest(name = "''{0}'' is kept as ''{1}''")
    @CsvSource(delimiter = '#', value = {
            "summer.mp4                # summer.mp4",
            "../../etc/passwd          # passwd",
            "C:\\Users\\me\\clip.mov   # clip.mov",
            ".hidden.png               # hidden.png",
            "Café – été 2027.jpg       # Café – été 2027.jpg",
            "日本語のポスター.png        # 日本語のポスター.png",
            "a<b>c:d\"e|f?g*h.gif      # a_b_c_d_e_f_g_h.gif",
            "evil\u202Egpj.exe         # evil_gpj.exe"})
    void file_names_keep_only_their_last_segment_and_safe_characters(String raw, String kept) {
        assertThat(new FileName(raw).value()).isEqualTo(kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "../", "...", "dir/"})
    void a_file_name_with_nothing_left_is_refused(String raw) {
        assertThatThrownBy(() -> new FileName(raw)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void a_long_file_name_is_cut_to_255_characters() {
        assertThat(new FileName("x".repeat(300) + ".mp4").value()).hasSize(FileName.MAX_LENGTH);
    }

    @ParameterizedTest(name = "''{0}'' is ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "                   | /",
            "/                  | /",
            "brands/acme/       | /brands/acme",
            " /brands // acme   | /brands/acme"})
    void folders_are_normalised(String raw, String normal) {
        assertThat(new FolderPath(raw).value()).isEqualTo(normal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/brands/../etc", "/./x", "/a/b/c/d/e/f/g/h/i/j/k"})
    void folders_that_climb_or_nest_too_deep_are_refused(String raw) {
        assertThatThrownBy(() -> new FolderPath(raw)).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("folder");
    }

    @Test
    void a_folder_lists_itself_and_its_ancestors_for_search() {
        assertThat(new FolderPath("/brands/acme").withAncestors()).containsExactly("/", "/brands", "/brands/acme");
        assertThat(FolderPath.ROOT.withAncestors()).containsExactly("/");
    }

    @Test
    void tags_are_lower_case_deduplicated_and_checked() {
        assertThat(Tag.values(Tag.of(List.of("Summer  Sale", "summer sale", "q3")))).containsExactly("q3", "summer sale");
        assertThatThrownBy(() -> new Tag("no/slashes")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Tag.of(java.util.stream.IntStream.range(0, 51).mapToObj(i -> "t" + i).toList()))
                .hasMessage("at most 50 tags, 51 were given");
    }

    @Test
    void a_digest_is_64_hex_digits_in_lower_case() {
        assertThat(new Sha256("AB".repeat(32)).value()).isEqualTo("ab".repeat(32));
        assertThatThrownBy(() -> new Sha256("xyz")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void custom_fields_have_safe_keys_and_bounded_values() {
        var metadata = new AssetMetadata(new AssetTitle("t"), "  ", Map.of(" sku ", " A-17 "), null);
        assertThat(metadata.customFields()).containsExactly(Map.entry("sku", "A-17"));
        assertThat(metadata.description()).isNull();
        assertThatThrownBy(() -> new AssetMetadata(new AssetTitle("t"), null, Map.of("bad key!", "v"), null))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("customFields");
    }

    @Test
    void a_probe_gives_the_picture_as_shown_after_rotation() {
        var portrait = new MediaProbe("mov", "h264", null, 1_000L, 1920, 1080, 30.0, 1L, 90);
        assertThat(portrait.displayWidth()).isEqualTo(1080);
        assertThat(portrait.displayHeight()).isEqualTo(1920);
        assertThat(portrait.hasAudio()).isFalse();
    }
}
