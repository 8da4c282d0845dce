package dev.castline.bench.baseline;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** The show settings item as a bean, mapped by reflection ({@code TableSchema.fromBean}). */
@DynamoDbBean
public class ShowItem {
    private String pk;
    private String sk;
    private String title;
    private String author;
    private String description;
    private String language;
    private String artworkUrl;
    private String appleCategory;
    private Boolean explicit;
    private String ownerName;
    private String ownerEmail;
    private String siteBaseUrl;
    private String feedUrl;
    private String podcastGuid;

    @DynamoDbPartitionKey
    @DynamoDbAttribute("PK")
    public String getPk() { return pk; }
    public void setPk(String v) { pk = v; }

    @DynamoDbSortKey
    @DynamoDbAttribute("SK")
    public String getSk() { return sk; }
    public void setSk(String v) { sk = v; }

    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getAuthor() { return author; }
    public void setAuthor(String v) { author = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public String getLanguage() { return language; }
    public void setLanguage(String v) { language = v; }
    public String getArtworkUrl() { return artworkUrl; }
    public void setArtworkUrl(String v) { artworkUrl = v; }
    public String getAppleCategory() { return appleCategory; }
    public void setAppleCategory(String v) { appleCategory = v; }
    public Boolean getExplicit() { return explicit; }
    public void setExplicit(Boolean v) { explicit = v; }
    public String getOwnerName() { return ownerName; }
    public void setOwnerName(String v) { ownerName = v; }
    public String getOwnerEmail() { return ownerEmail; }
    public void setOwnerEmail(String v) { ownerEmail = v; }
    public String getSiteBaseUrl() { return siteBaseUrl; }
    public void setSiteBaseUrl(String v) { siteBaseUrl = v; }
    public String getFeedUrl() { return feedUrl; }
    public void setFeedUrl(String v) { feedUrl = v; }
    public String getPodcastGuid() { return podcastGuid; }
    public void setPodcastGuid(String v) { podcastGuid = v; }
}
