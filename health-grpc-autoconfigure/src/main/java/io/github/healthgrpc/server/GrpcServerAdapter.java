package io.github.healthgrpc.server;

import java.util.Set;

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

	/**
	 * The fully qualified names of the services the server will bind, known before it
	 * starts (environment variables cannot carry capitals, so these names restore the
	 * case of service names configured through them).
	 * @return the names
	 */
	Set<String> boundServiceNames();

}
