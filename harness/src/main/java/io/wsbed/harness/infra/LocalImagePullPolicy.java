package io.wsbed.harness.infra;

import org.testcontainers.images.ImagePullPolicy;
import org.testcontainers.images.PullPolicy;
import org.testcontainers.utility.DockerImageName;

/**
 * Never pulls an image that docker/build-images.sh builds (wsbed/...): no registry has it, and
 * where those stand-ins are used there is no registry to ask. Any other image is pulled only
 * when the engine does not hold it yet, as Testcontainers does by default.
 */
final class LocalImagePullPolicy implements ImagePullPolicy {
    private final ImagePullPolicy others = PullPolicy.defaultPolicy();

    @Override
    public boolean shouldPull(DockerImageName image) {
        if (image.getRepository().startsWith(ContainerImages.LOCAL_PREFIX)) {
            return false;
        }
        return others.shouldPull(image);
    }
}
