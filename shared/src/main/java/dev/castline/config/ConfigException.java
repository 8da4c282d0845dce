package dev.castline.config;

/** The environment is not what the function needs; thrown at init so the deployment fails loudly. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
