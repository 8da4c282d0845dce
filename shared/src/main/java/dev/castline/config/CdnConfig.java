package dev.castline.config;

import java.util.List;
import java.util.Map;

/** The media CDN the functions tell about withdrawn audio: its CloudFront distribution id. */
public record CdnConfig(String mediaDistributionId) {
    public static final String MEDIA_DISTRIBUTION_ID = "MEDIA_DISTRIBUTION_ID";
    public static final List<String> REQUIRED = List.of(MEDIA_DISTRIBUTION_ID);

    public static CdnConfig fromEnvironment(Map<String, String> env) {
        String id = env.get(MEDIA_DISTRIBUTION_ID);
        if (id == null || id.isBlank()) {
            throw new ConfigException("environment variable " + MEDIA_DISTRIBUTION_ID + " is not set");
        }
        return new CdnConfig(id.strip());
    }
}
