/**
 * Reading a podcast feed written by another host, for {@code castline import feed}: {@link
 * dev.castline.feedimport.FeedReader} (the RSS, streamed) and {@link
 * dev.castline.feedimport.ChaptersJson} (a Podcasting 2.0 chapters file). A plain library: the JDK,
 * jsoup and Jackson's streaming core; no AWS SDK, nothing of the Lambda functions.
 */
package dev.castline.feedimport;
