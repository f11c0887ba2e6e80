package io.playmark.command.asset;

import io.playmark.kernel.ContentTooLargeException;
import io.playmark.kernel.UnsupportedContentException;
import io.playmark.kernel.asset.FileName;
import io.playmark.kernel.asset.MediaKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentInspectorTest {

    private final ContentInspector inspector = new ContentInspector(100_000_000);

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0} written as {1} is {2}")
    @CsvSource({
            "png,  picture.png, image/png",
            "jpg,  picture.jpg, image/jpeg",
            "gif,  picture.gif, image/gif",
            // the name does not count: a PNG named .jpg is a PNG
            "png,  picture.jpg, image/png"})
    void images_are_known_by_their_bytes(String format, String name, String expectedType) throws IOException {
        Path file = image(format, 64, 48);

        assertThat(inspector.inspect(file, new FileName(name)))
                .isEqualTo(new ContentInspector.Inspected(expectedType, MediaKind.IMAGE));
    }

    @Test
    void a_video_is_known_by_its_container_header() throws IOException {
        Path file = folder.resolve("clip");
        Files.write(file, mp4Header());

        assertThat(inspector.inspect(file, new FileName("clip.bin")))
                .isEqualTo(new ContentInspector.Inspected("video/mp4", MediaKind.VIDEO));
    }

    @Test
    void a_program_renamed_as_an_image_is_refused_as_a_program() throws IOException {
        Path file = folder.resolve("setup");
        byte[] program = new byte[512];
        program[0] = 'M';
        program[1] = 'Z';
        Files.write(file, program);

        assertThatThrownBy(() -> inspector.inspect(file, new FileName("holiday.jpg")))
                .isInstanceOf(UnsupportedContentException.class)
                .hasMessageStartingWith("'holiday.jpg' is a program (")
                .hasMessageEndingWith("not media; programs are refused whatever their name");
    }

    @Test
    void a_page_posing_as_an_image_is_refused_saying_what_it_is() throws IOException {
        Path file = folder.resolve("page");
        Files.writeString(file, "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");

        assertThatThrownBy(() -> inspector.inspect(file, new FileName("banner.png")))
                .isInstanceOf(UnsupportedContentException.class)
                .hasMessageStartingWith("'banner.png' is text/html, which screens do not play");
    }

    @Test
    void an_image_with_too_many_pixels_is_refused_from_its_header() throws IOException {
        Path bomb = folder.resolve("bomb.png");
        Files.write(bomb, pngHeaderOnly(40_000, 40_000));

        assertThatThrownBy(() -> inspector.inspect(bomb, new FileName("bomb.png")))
                .isInstanceOf(ContentTooLargeException.class)
                .hasMessageContaining("40000 × 40000 pixels (1600000000), over the limit of 100000000");
    }

    @Test
    void random_bytes_are_refused_as_unknown() throws IOException {
        Path file = folder.resolve("noise");
        Files.write(file, "just some words, not media".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> inspector.inspect(file, new FileName("noise.mp4")))
                .isInstanceOf(UnsupportedContentException.class)
                .hasMessageContaining("which screens do not play");
    }

    private Path image(String format, int width, int height) throws IOException {
        Path file = folder.resolve("image-" + format);
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, file.toFile());
        return file;
    }

    /** An ISO base media file's first box, as an MP4 begins. */
    private static byte[] mp4Header() {
        ByteBuffer box = ByteBuffer.allocate(32);
        box.putInt(32).put("ftypisom".getBytes(StandardCharsets.US_ASCII)).putInt(0x200)
                .put("isomiso2avc1mp41".getBytes(StandardCharsets.US_ASCII));
        return box.array();
    }

    /** A PNG whose header announces a huge picture and whose data is one empty chunk: small on disk. */
    private static byte[] pngHeaderOnly(int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        png.write(ByteBuffer.allocate(4).putInt(data.length).array());
        png.write(typeBytes);
        png.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
