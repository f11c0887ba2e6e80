package io.playmark.query.asset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one range of a 1,000-byte file a Range header asks for, or the whole file when it asks for no single range. */
class ByteRangeTest {

    private static final long SIZE = 1000;

    @ParameterizedTest(name = "{0} is bytes {1}-{2}")
    @CsvSource(delimiter = '|', value = {
            "bytes=0-99       | 0   | 99",
            "bytes=900-       | 900 | 999",
            "bytes=-10        | 990 | 999",
            "bytes=-5000      | 0   | 999",
            "bytes=990-5000   | 990 | 999",
            "bytes= 10 - 19   | 10  | 19"})
    void a_single_range_is_clipped_to_the_file(String header, long first, long last) {
        assertThat(ByteRange.of(header, SIZE)).contains(new ByteRange(first, last));
    }

    @ParameterizedTest(name = "{0} sends the whole file")
    @CsvSource(delimiter = '|', value = {"bytes=0-1,5-9", "items=0-9", "bytes=20-10", "bytes=-", "nonsense",
            "bytes=99999999999999999999-"})
    void anything_but_one_range_of_bytes_is_ignored(String header) {
        assertThat(ByteRange.of(header, SIZE)).isEmpty();
    }

    @Test
    void no_header_sends_the_whole_file() {
        assertThat(ByteRange.of(null, SIZE)).isEmpty();
    }

    @ParameterizedTest(name = "{0} is unsatisfiable")
    @CsvSource({"bytes=1000-", "bytes=5000-6000", "bytes=-0"})
    void a_range_past_the_end_is_unsatisfiable_and_tells_the_size(String header) {
        assertThatThrownBy(() -> ByteRange.of(header, SIZE)).isInstanceOfSatisfying(ByteRange.Unsatisfiable.class,
                unsatisfiable -> assertThat(unsatisfiable.getHeaders().getFirst("Content-Range"))
                        .isEqualTo("bytes */1000"));
    }

    @Test
    void a_range_says_its_length_and_content_range() {
        ByteRange range = new ByteRange(10, 19);

        assertThat(range.length()).isEqualTo(10);
        assertThat(range.contentRange(SIZE)).isEqualTo("bytes 10-19/1000");
    }
}
