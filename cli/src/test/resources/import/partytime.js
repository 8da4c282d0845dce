// Reads a feed with podcast-partytime (the parser the Podcast Index uses) and prints what it
// found of each item as JSON. Usage: node partytime.js FEED.xml PATH/TO/podcast-partytime
const fs = require("fs");
const { parseFeed } = require(process.argv[3]);
const feed = parseFeed(fs.readFileSync(process.argv[2], "utf8"));
if (!feed) {
  console.error("podcast-partytime could not parse the feed");
  process.exit(1);
}
const items = (feed.items || []).map((i) => ({
  guid: i.guid,
  title: i.title,
  pubDate: i.pubDate ? i.pubDate.toISOString() : null,
  url: i.enclosure ? i.enclosure.url : null,
  length: i.enclosure ? i.enclosure.length : null,
  type: i.enclosure ? i.enclosure.type : null,
  duration: i.duration,
  chaptersUrl: i.podcastChapters ? i.podcastChapters.url : null,
  people: (i.podcastPeople || []).map((p) => p.name),
}));
process.stdout.write(JSON.stringify({ title: feed.title, items }));
