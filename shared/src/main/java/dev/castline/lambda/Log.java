package dev.castline.lambda;

import dev.castline.http.Json;
import com.amazonaws.services.lambda.runtime.Context;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One JSON line per event, to the Lambda logger (CloudWatch) or stderr outside Lambda. Every line
 * carries the request id, so a 5xx a client reports can be found. Never given headers, bodies or
 * the environment: those can hold tokens and credentials.
 */
public final class Log {
    private Log() {
    }

    public static void info(Context context, String requestId, String message) {
        emit(context, "INFO", requestId, message, null);
    }

    public static void warn(Context context, String requestId, String message, Throwable error) {
        emit(context, "WARN", requestId, message, error);
    }

    public static void error(Context context, String requestId, String message, Throwable error) {
        emit(context, "ERROR", requestId, message, error);
    }

    private static void emit(Context context, String level, String requestId, String message, Throwable error) {
        String line = Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("level", level);
            json.writeStringField("requestId", requestId);
            json.writeStringField("message", message);
            if (error != null) {
                json.writeStringField("errorType", error.getClass().getName());
                StringWriter trace = new StringWriter();
                error.printStackTrace(new PrintWriter(trace));
                json.writeStringField("stackTrace", trace.toString());
            }
            json.writeEndObject();
        });
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(line + "\n");
        } else {
            System.err.println(line);
        }
    }
}
