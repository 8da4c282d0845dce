package dev.castline.functions.admin;

import dev.castline.domain.Shape;
import dev.castline.domain.ShowField;
import dev.castline.host.ShowSettings;
import dev.castline.http.ApiException;
import dev.castline.http.ApiRequest;
import dev.castline.http.ApiResponse;
import dev.castline.http.JsonBody;
import dev.castline.http.Preconditions;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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

    private static final String WHAT = "show's settings";

    private final ShowSettings settings;
    private final AdminJson representation;
    private final java.time.Clock clock;

    ShowRoutes(ShowSettings settings, AdminJson representation, java.time.Clock clock) {
        this.settings = settings;
        this.representation = representation;
        this.clock = clock;
    }

    ApiResponse get() {
        ShowSettings.Versioned current = settings.get().orElseThrow(() -> ApiException.notFound("The show has no settings yet: PUT them."));
        return answer(current);
    }

    /**
     * Replaces the settings. Like an episode's edit, a change to saved settings names the version
     * it was based on in {@code If-Match} (428 without, 412 if stale); the first save needs none.
     */
    ApiResponse put(ApiRequest request) {
        OptionalLong expected = Preconditions.optionalIfMatch(request, WHAT);
        JsonBody body = JsonBody.parse(request.body(), FIELDS);
        if (expected.isEmpty()) {
            if (settings.get().isPresent()) {
                Preconditions.requiredIfMatch(request, WHAT);
            }
            expected = OptionalLong.of(0);
        }
        Map<ShowField, Object> values = new EnumMap<>(ShowField.class);
        for (ShowField field : ShowField.values()) {
            Object value = switch (field.kind()) {
                case TEXT -> body.text(field.wireName());
                case BOOLEAN -> body.bool(field.wireName());
                case INTEGER -> body.integer(field.wireName());
                case LINKS -> body.textsByName(field.wireName());
                case OBJECT -> {
                    JsonBody object = body.object(field.wireName(), field.shape().members().keySet());
                    yield object == null ? null : field.shape().of(members(object, field.shape()));
                }
                case OBJECTS -> {
                    List<JsonBody> objects = body.objects(field.wireName(), field.shape().members().keySet());
                    yield objects == null ? null : objects.stream().map(o -> field.shape().of(members(o, field.shape()))).toList();
                }
            };
            if (value != null) {
                values.put(field, value);
            }
        }
        return answer(settings.save(values, expected));
    }

    /** An object's members, each of its shape's kind (a 400 naming the member otherwise); null members are unset. */
    static Map<String, Object> members(JsonBody object, Shape<?> shape) {
        Map<String, Object> members = new java.util.LinkedHashMap<>();
        shape.members().forEach((name, kind) -> {
            Object value = switch (kind) {
                case BOOLEAN -> object.bool(name);
                case INTEGER -> object.integer(name);
                default -> object.text(name);
            };
            if (value != null) {
                members.put(name, value);
            }
        });
        return members;
    }

    private ApiResponse answer(ShowSettings.Versioned settings) {
        return ApiResponse.json(200, representation.show(settings, clock.instant())).header("etag", Preconditions.etag(settings.version()));
    }
}
