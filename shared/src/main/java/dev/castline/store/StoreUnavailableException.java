package dev.castline.store;

/** DynamoDB throttled us or could not be reached after the SDK's retries: worth trying again later. */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
