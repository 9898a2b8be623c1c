package io.github.healthgrpc.actuate.endpoint;

import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.Producible;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * The formats the {@code grpchealth} endpoint answers in, chosen by the request's
 * {@code Accept} header. When a request accepts several, the one declared last wins, so a
 * monitor that asks for health+json with plain JSON as a fallback gets health+json.
 *
 * @since 0.1.0
 */
public enum GrpcHealthFormat implements Producible<GrpcHealthFormat> {

	/**
	 * Plain JSON ({@code application/json}): every service with its status and member
	 * checks.
	 */
	JSON(MimeTypeUtils.APPLICATION_JSON),

	/**
	 * The same as {@link #JSON}, as Actuator's own v3 type, the answer to a request
	 * without an {@code Accept} header or with {@code *}{@code /*}.
	 */
	ACTUATOR_V3(ApiVersion.V3.getProducedMimeType()) {

		@Override
		public boolean isDefault() {
			return true;
		}

	},

	/**
	 * The IETF "Health Check Response Format for HTTP APIs"
	 * ({@code application/health+json}): pass, warn or fail, and an entry per service and
	 * per check.
	 */
	HEALTH_JSON(MimeType.valueOf("application/health+json"));

	private final MimeType mimeType;

	GrpcHealthFormat(MimeType mimeType) {
		this.mimeType = mimeType;
	}

	@Override
	public MimeType getProducedMimeType() {
		return this.mimeType;
	}

}
