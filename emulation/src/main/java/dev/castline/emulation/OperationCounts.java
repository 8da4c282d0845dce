package dev.castline.emulation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * How many of each operation the clients it is given have sent (retries counted once), how many
 * of those failed (a transaction its condition cancelled, say), and how many items the others
 * wrote or read: a count per operation name, so a stack that runs for days keeps a few dozen
 * numbers, not a list of every call. {@link #snapshot()} is a copy to compare with a later one;
 * {@link OperationCounter} keeps the order, for tests of one request.
 */
public final class OperationCounts implements ExecutionInterceptor {
    /** DynamoDB's operations that write (PartiQL statements are not used by Castline). */
    public static final Set<String> DYNAMODB_WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem");
    /** S3's operations that create, replace or delete objects. */
    public static final Set<String> S3_WRITES = Set.of("PutObject", "CopyObject", "DeleteObject", "DeleteObjects",
            "CreateMultipartUpload", "UploadPart", "UploadPartCopy", "CompleteMultipartUpload", "AbortMultipartUpload");

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failed = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> items = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        add(calls, attributes, 1);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        add(items, attributes, items(context.request()));
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        add(failed, attributes, 1);
    }

    private static void add(Map<String, LongAdder> counts, ExecutionAttributes attributes, long n) {
        counts.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new LongAdder()).add(n);
    }

    /**
     * The items a request names: those of a transaction ({@code TransactItems}) or of a batch
     * ({@code RequestItems}, a list per table when it writes); 1 for any other request.
     */
    private static long items(SdkRequest request) {
        List<?> transaction = request.getValueForField("TransactItems", List.class).orElse(null);
        if (transaction != null) {
            return transaction.size();
        }
        Map<?, ?> batch = request.getValueForField("RequestItems", Map.class).orElse(null);
        if (batch != null) {
            long n = 0;
            for (Object perTable : batch.values()) {
                n += perTable instanceof Collection<?> c ? c.size() : 1;
            }
            return n;
        }
        return 1;
    }

    /** The counts so far: a copy, which later calls do not change. */
    public Snapshot snapshot() {
        return new Snapshot(copy(calls), copy(failed), copy(items));
    }

    private static Map<String, Long> copy(Map<String, LongAdder> counts) {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((operation, n) -> copy.put(operation, n.sum()));
        return copy;
    }

    /**
     * Counts per operation name at one moment.
     *
     * @param calls  how many requests of each operation were sent
     * @param failed how many of them ended in an error (nothing written)
     * @param items  how many items the successful ones named (a transaction of 4 items counts 4)
     */
    public record Snapshot(Map<String, Long> calls, Map<String, Long> failed, Map<String, Long> items) {
        public Snapshot {
            calls = Map.copyOf(calls);
            failed = Map.copyOf(failed);
            items = Map.copyOf(items);
        }

        public long calls(String operation) {
            return calls.getOrDefault(operation, 0L);
        }

        public long failed(String operation) {
            return failed.getOrDefault(operation, 0L);
        }

        /** The calls that did not fail. */
        public long succeeded(String operation) {
            return calls(operation) - failed(operation);
        }

        public long items(String operation) {
            return items.getOrDefault(operation, 0L);
        }

        /** What was sent between {@code earlier} and this snapshot (operations with none left out). */
        public Snapshot since(Snapshot earlier) {
            return new Snapshot(minus(calls, earlier.calls), minus(failed, earlier.failed), minus(items, earlier.items));
        }

        /** Only these operations (say {@link #DYNAMODB_WRITES}). */
        public Snapshot only(Set<String> operations) {
            return new Snapshot(retain(calls, operations), retain(failed, operations), retain(items, operations));
        }

        /** All calls, of every operation. */
        public long total() {
            return calls.values().stream().mapToLong(Long::longValue).sum();
        }

        private static Map<String, Long> retain(Map<String, Long> counts, Set<String> operations) {
            Map<String, Long> kept = new TreeMap<>(counts);
            kept.keySet().retainAll(operations);
            return kept;
        }

        private static Map<String, Long> minus(Map<String, Long> later, Map<String, Long> earlier) {
            Map<String, Long> difference = new TreeMap<>();
            later.forEach((operation, n) -> {
                long d = n - earlier.getOrDefault(operation, 0L);
                if (d != 0) {
                    difference.put(operation, d);
                }
            });
            return difference;
        }

        /** Calls by operation, with the failed ones and the items named: {@code TransactWriteItems=3 (1 failed, 8 items)}. */
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("{");
            new TreeMap<>(calls).forEach((operation, n) -> {
                text.append(text.length() > 1 ? ", " : "").append(operation).append('=').append(n);
                if (failed(operation) > 0 || items(operation) != succeeded(operation)) {
                    text.append(" (").append(failed(operation)).append(" failed, ").append(items(operation)).append(" items)");
                }
            });
            return text.append('}').toString();
        }
    }
}
