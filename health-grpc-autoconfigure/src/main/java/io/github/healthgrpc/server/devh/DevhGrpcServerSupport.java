package io.github.healthgrpc.server.devh;

import io.github.healthgrpc.server.GrpcServerSupport;

/**
 * devh's gRPC server, as startup failures name it.
 */
class DevhGrpcServerSupport extends GrpcServerSupport {

	static final String AUTO_CONFIGURATION = "net.devh.boot.grpc.server.autoconfigure."
			+ "GrpcServerFactoryAutoConfiguration";

	DevhGrpcServerSupport() {
		super("devh's gRPC server", "net.devh:grpc-server-spring-boot-starter", "net.devh.boot.grpc.server.",
				"spring.autoconfigure.exclude=" + AUTO_CONFIGURATION, AUTO_CONFIGURATION);
	}

}
