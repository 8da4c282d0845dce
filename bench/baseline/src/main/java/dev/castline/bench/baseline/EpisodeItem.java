package dev.castline.bench.baseline;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** The episode item as a bean, mapped by reflection ({@code TableSchema.fromBean}), as the SDK's examples do. */
@DynamoDbBean
public class EpisodeItem {
    private String pk;
    private String sk;
    private String listPk;
    private String listSk;
    private String id;
    private String slug;
    private String title;
    private String summary;
    private String publishAt;
    private String notesHtml;
    private String guid;
    private String episodeId;
    private List<String> tags;
    private AudioItem audio;
    private List<ChapterItem> chapters;

    @DynamoDbPartitionKey
    @DynamoDbAttribute("PK")
    public String getPk() { return pk; }
    public void setPk(String v) { pk = v; }

    @DynamoDbSortKey
    @DynamoDbAttribute("SK")
    public String getSk() { return sk; }
    public void setSk(String v) { sk = v; }

    @DynamoDbSecondaryPartitionKey(indexNames = "ByPublishDate")
    public String getListPk() { return listPk; }
    public void setListPk(String v) { listPk = v; }

    @DynamoDbSecondarySortKey(indexNames = "ByPublishDate")
    public String getListSk() { return listSk; }
    public void setListSk(String v) { listSk = v; }

    public String getId() { return id; }
    public void setId(String v) { id = v; }
    public String getSlug() { return slug; }
    public void setSlug(String v) { slug = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getSummary() { return summary; }
    public void setSummary(String v) { summary = v; }
    public String getPublishAt() { return publishAt; }
    public void setPublishAt(String v) { publishAt = v; }
    public String getNotesHtml() { return notesHtml; }
    public void setNotesHtml(String v) { notesHtml = v; }
    public String getGuid() { return guid; }
    public void setGuid(String v) { guid = v; }
    public String getEpisodeId() { return episodeId; }
    public void setEpisodeId(String v) { episodeId = v; }
    public List<String> getTags() { return tags; }
    public void setTags(List<String> v) { tags = v; }
    public AudioItem getAudio() { return audio; }
    public void setAudio(AudioItem v) { audio = v; }
    public List<ChapterItem> getChapters() { return chapters; }
    public void setChapters(List<ChapterItem> v) { chapters = v; }

    @DynamoDbBean
    public static class AudioItem {
        private String key;
        private String contentType;
        private Long bytes;
        private Long durationMillis;

        public String getKey() { return key; }
        public void setKey(String v) { key = v; }
        public String getContentType() { return contentType; }
        public void setContentType(String v) { contentType = v; }
        public Long getBytes() { return bytes; }
        public void setBytes(Long v) { bytes = v; }
        public Long getDurationMillis() { return durationMillis; }
        public void setDurationMillis(Long v) { durationMillis = v; }
    }

    @DynamoDbBean
    public static class ChapterItem {
        private Long startMillis;
        private String title;
        private String url;

        public Long getStartMillis() { return startMillis; }
        public void setStartMillis(Long v) { startMillis = v; }
        public String getTitle() { return title; }
        public void setTitle(String v) { title = v; }
        public String getUrl() { return url; }
        public void setUrl(String v) { url = v; }
    }
}
