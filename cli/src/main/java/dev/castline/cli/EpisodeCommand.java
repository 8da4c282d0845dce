package dev.castline.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * What every command about one episode shares: the tool's root (its environment), the connection
 * options, and the episode's slug as the first argument, looked up through the admin API.
 */
abstract class EpisodeCommand {
    @ParentCommand
    Castline root;

    @Mixin
    Common common;

    @Parameters(index = "0", paramLabel = "SLUG", description = "The episode's slug.")
    String slug;

    /** The episode the slug is (or was) the slug of; exits with "not found" when there is none. */
    Api.Response episode(Api api) {
        return Episodes.requireBySlug(api, slug);
    }
}
