package dev.castline.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Podcasting 2.0 JSON transcript format, written and read. */
class TranscriptJsonTest {
    @Test
    void writesVersionAndSegmentsWithTimesInSecondsAndTheSpeakerOnlyWhenThereIsOne() {
        Transcript t = new Transcript(List.of(
            new Cue(500, 750, "Darth Vader", "I"),
            new Cue(1_000, 3_612_480, null, "am \"your\"\nfather <3 \u200F😀")));

        assertThat(TranscriptJson.write(t)).isEqualTo("{\"version\":\"1.0.0\",\"segments\":["
            + "{\"speaker\":\"Darth Vader\",\"startTime\":0.5,\"endTime\":0.75,\"body\":\"I\"},"
            + "{\"startTime\":1,\"endTime\":3612.48,\"body\":\"am \\\"your\\\"\\nfather <3 \u200F😀\"}]}");
    }

    @Test
    void readsTheGuidesShapeWithOptionalEndsAndSpeakersAndUnknownFields() throws Exception {
        Transcript t = TranscriptJson.parse(Fixtures.bytes("interview.json"));

        assertThat(t.cues()).containsExactly(
            new Cue(0, 4_250, "Maya Okafor", "Welcome back."),
            new Cue(4_250, 9_500, "Dan", "Thanks for\nhaving me."),
            new Cue(9_500, 12_481, null, "[music]"));
    }

    @Test
    void refusesWhatIsNotATranscriptNamingTheLine() {
        refuses("not json", "line 1: the file is not valid JSON");
        refuses("[1, 2]", "line 1: expected a JSON object with \"version\" and \"segments\"");
        refuses("{\"version\": \"1.0.0\"}", "expected a \"segments\" array");
        refuses("{\"version\": \"2.0.0\", \"segments\": []}", "line 1: \"version\" must be a 1.x version string like \"1.0.0\"");
        refuses("{\"segments\": []}", "the file has no cues");
        refuses("{\"segments\": [\n{\"body\": \"x\"}]}", "line 2: each segment needs a \"startTime\" in seconds");
        refuses("{\"segments\": [\n{\"startTime\": 1}]}", "line 2: each segment needs a \"body\"");
        refuses("{\"segments\": [\n{\"startTime\": \"1\", \"body\": \"x\"}]}", "line 2: \"startTime\" must be a number of seconds");
        refuses("{\"segments\": [\n\n{\"startTime\": 2, \"endTime\": 1, \"body\": \"x\"}]}",
            "line 3: the segment ends (00:00:01.000) before it starts (00:00:02.000)");
        refuses("{\"segments\": [{\"startTime\": -1, \"body\": \"x\"}]}",
            "line 1: \"startTime\" must be between 0 and 359999.999 seconds (99:59:59.999)");
        refuses("{\"segments\": [\"x\"]}", "line 1: each segment must be an object");
    }

    private static void refuses(String json, String message) {
        assertThatThrownBy(() -> TranscriptJson.parse(json.getBytes(StandardCharsets.UTF_8))).hasMessage(message);
    }
}
