package io.github.healthgrpc.server;

/**
 * What a gRPC server adapter tells health-grpc about its server, before the server
 * starts. Each adapter, active only when its server runs, provides one bean; when its
 * server has started it hands the services the server binds to {@link BoundServices}.
 *
 * @since 0.1.0
 */
public interface GrpcServerAdapter {

	/**
	 * Which server this is, for startup failure messages.
	 * @return the server
	 */
	GrpcServerSupport server();

}
