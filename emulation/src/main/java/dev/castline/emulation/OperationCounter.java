package dev.castline.emulation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every operation a client sends (GetItem, Query, ...), so a test can assert what one
 * request cost: reads are part of the API's contract, not an implementation detail.
 */
public final class OperationCounter implements ExecutionInterceptor {
    private final List<String> operations = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    public void reset() {
        operations.clear();
    }

    public List<String> operations() {
        return List.copyOf(operations);
    }

    public long count(String operation) {
        return operations.stream().filter(operation::equals).count();
    }
}
