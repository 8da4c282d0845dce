# Build targets for `sam build` (Metadata: BuildMethod: makefile in template.yaml).
# SAM runs `make build-<LogicalId>` in a copy of the repo root with ARTIFACTS_DIR set; each
# target builds one function's shaded jar and unpacks it there, because the Lambda Java
# runtime loads classes from the root of the uploaded zip, not from a nested jar.
# Needs JDK 21+ and Maven on the PATH.

MVN ?= mvn
MVN_FLAGS ?= -B -q

# $(1): logical id in template.yaml, $(2): Maven module directory.
define lambda_function
.PHONY: build-$(1)
build-$(1):
	@test -n "$$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set (run via sam build)" >&2; exit 1; }
	$$(MVN) $$(MVN_FLAGS) -pl $(2) -am package -DskipTests
	mkdir -p "$$(ARTIFACTS_DIR)"
	unzip -q -o $(2)/target/function.jar -d "$$(ARTIFACTS_DIR)"
endef

# One line per function.
$(eval $(call lambda_function,ListEpisodesFunction,functions/list-episodes))
$(eval $(call lambda_function,GetEpisodeFunction,functions/get-episode))
$(eval $(call lambda_function,ShowFunction,functions/show))
$(eval $(call lambda_function,OpenApiFunction,functions/openapi))
$(eval $(call lambda_function,FeedFunction,functions/feed))
$(eval $(call lambda_function,AdminFunction,functions/admin))
$(eval $(call lambda_function,ProcessUploadFunction,functions/process-upload))
$(eval $(call lambda_function,WithdrawMediaFunction,functions/withdraw-media))
$(eval $(call lambda_function,CountDownloadsFunction,functions/count-downloads))
$(eval $(call lambda_function,SiteFunction,functions/site))
