package io.playmark.infra.media;

import io.playmark.kernel.asset.BlobStore;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Media processing: the build's ffmpeg (or a configured one), and the jobs that probe and render content. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaProperties.class)
class MediaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MediaConfiguration.class);

    @Bean
    Ffmpeg ffmpeg(MediaProperties properties, @Value("${playmark.data-dir}") Path dataDirectory) throws IOException {
        Path executable;
        if (properties.ffmpeg() == null || properties.ffmpeg().isBlank()) {
            executable = FfmpegBinary.installIn(dataDirectory.resolve("tools"));
        } else {
            executable = Path.of(properties.ffmpeg());
            if (!Files.isExecutable(executable)) {
                throw new IllegalStateException("playmark.media.ffmpeg (PLAYMARK_FFMPEG) names " + executable
                        + ", which is no executable file");
            }
        }
        log.info("Media: ffmpeg {}, {} encoder threads per run", executable, properties.threads());
        return new Ffmpeg(executable, properties.threads(), properties.timeout());
    }

    @Bean
    MediaProcessor mediaProcessor(BlobStore blobs, CommandGateway commands, Ffmpeg ffmpeg, MediaProperties properties,
                                  @Value("${playmark.data-dir}") Path dataDirectory) {
        return new MediaProcessor(blobs, commands, ffmpeg,
                new RenditionPlanner(properties.renditions(), properties.preset()), dataDirectory.resolve("work"));
    }

    @Bean
    MediaJobs mediaJobs(JobScheduler jobs, MediaProcessor processor, MediaProperties properties) {
        return new MediaJobs(jobs, processor, properties.retries());
    }
}
