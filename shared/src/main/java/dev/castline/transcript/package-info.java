/**
 * Episode transcripts: one model ({@link dev.castline.transcript.Transcript} of
 * {@link dev.castline.transcript.Cue}s) read from and written to WebVTT, SRT and the Podcasting
 * 2.0 JSON transcript format.
 *
 * <p>The parsers and writers are written here rather than taken from a library. What Java has
 * is either one format or a converter (subtitles4j: SRT and ASS; srt-to-vtt), or a broadcast
 * converter, {@code com.nomalab:subtitle} (STL, TTML, SAMI and ASS besides VTT and SRT; LGPL),
 * that brings commons-lang3, commons-io, commons-cli, the JAXB API, org.json and Gson onto a
 * function's classpath and cold start. Its WebVTT reader wants hours in every timing (it reads
 * them at fixed columns), knows no NOTE or REGION blocks, reports errors without a line number
 * and quoting the file; and speakers from SRT's {@code Name:} prefixes are podcast practice,
 * not part of any subtitle format. WebVTT and SRT as podcast transcripts use them take about
 * 700 lines here, comments included.
 *
 * <p>Every file is read under the same limits ({@link dev.castline.transcript.Transcript#MAX_BYTES},
 * {@link dev.castline.transcript.Transcript#MAX_CUES}, ...), and every cue's text and speaker
 * are kept in one normal form (see {@link dev.castline.transcript.Cue}), so that a transcript
 * read from any format and written to any other reads back as the same cues.
 */
package dev.castline.transcript;
