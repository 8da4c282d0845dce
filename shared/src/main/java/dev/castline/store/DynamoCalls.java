package dev.castline.store;

import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Maps what the SDK throws, after its own retries, to what the domain understands. */
final class DynamoCalls {
    private DynamoCalls() {
    }

    static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (TransactionCanceledException e) {
            throw e;
        } catch (DynamoDbException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                throw new StoreUnavailableException("DynamoDB unavailable: " + e.awsErrorDetails().errorCode(), e);
            }
            throw e;
        } catch (SdkClientException e) {
            throw new StoreUnavailableException("DynamoDB unreachable", e);
        }
    }
}
