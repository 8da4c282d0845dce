package dev.castline.functions.admin;

import dev.castline.domain.Show;
import dev.castline.domain.ShowField;
import dev.castline.host.ShowSettings;
import dev.castline.http.ApiException;
import dev.castline.http.ApiRequest;
import dev.castline.http.ApiResponse;
import dev.castline.http.JsonBody;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** {@code GET|PUT /api/v1/admin/show}: the show's settings, by {@link ShowField} name. */
final class ShowRoutes {
    static final Set<String> FIELDS;

    static {
        Set<String> names = new LinkedHashSet<>();
        for (ShowField field : ShowField.values()) {
            names.add(field.wireName());
        }
        FIELDS = Set.copyOf(names);
    }

    private final ShowSettings settings;

    ShowRoutes(ShowSettings settings) {
        this.settings = settings;
    }

    ApiResponse get() {
        Show show = settings.get().orElseThrow(() -> ApiException.notFound("The show has no settings yet: PUT them."));
        return ApiResponse.json(200, AdminJson.show(show));
    }

    ApiResponse put(ApiRequest request) {
        JsonBody body = JsonBody.parse(request.body(), FIELDS);
        Map<ShowField, Object> values = new EnumMap<>(ShowField.class);
        for (ShowField field : ShowField.values()) {
            Object value = switch (field.kind()) {
                case TEXT -> body.text(field.wireName());
                case BOOLEAN -> body.bool(field.wireName());
                case INTEGER -> body.integer(field.wireName());
            };
            if (value != null) {
                values.put(field, value);
            }
        }
        return ApiResponse.json(200, AdminJson.show(settings.save(values)));
    }
}
