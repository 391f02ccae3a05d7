package sluice.router.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.redisson.client.RedisException;
import sluice.keystore.DuplicateTenantException;
import sluice.keystore.InvalidKeyStoreInputException;
import sluice.keystore.KeyStoreException;
import sluice.keystore.UnknownClientKeyException;
import sluice.keystore.UnknownKeyException;
import sluice.keystore.UnknownProviderException;
import sluice.keystore.UnknownTenantException;
import sluice.quota.QuotaException;

import java.util.concurrent.CompletionException;

/**
 * The one place where failures of the JAX-RS endpoints (the admin API) become HTTP answers: an
 * {@code application/problem+json} body ({@link Problem}) for every status. Anything a client can
 * send ends in a 4xx naming the field when one is known; only faults of the gateway itself are a
 * 500, logged here without echoing input.
 */
public class AdminProblemMappers {
    private static final Logger LOG = Logger.getLogger(AdminProblemMappers.class);

    private final ObjectMapper json;

    public AdminProblemMappers(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper
    public Response keyStore(KeyStoreException e) {
        return respond(problemFor(e));
    }

    @ServerExceptionMapper
    public Response adminInput(AdminInputException e) {
        return respond(problemFor(e));
    }

    @ServerExceptionMapper
    public Response conflict(AdminConflictException e) {
        return respond(problemFor(e));
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return respond(problemFor(e));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response answer = respond(problemFor(e));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? answer : Response.fromResponse(answer).header(HttpHeaders.ALLOW, allow).build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return challenge();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return challenge();
    }

    @ServerExceptionMapper
    public Response clientKeyRequired(ClientKeyRequiredException e) {
        return Response.fromResponse(respond(Problem.unauthorized(e.getMessage())))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.forbidden());
    }

    @ServerExceptionMapper
    public Response quota(QuotaException e) {
        return respond(problemFor(e));
    }

    @ServerExceptionMapper
    public Response redis(RedisException e) {
        return respond(problemFor(e));
    }

    @ServerExceptionMapper
    public Response any(Throwable e) {
        return respond(problemFor(e));
    }

    /** @return the problem a failure stands for; logs the ones that are the gateway's own fault */
    Problem problemFor(Throwable e) {
        if (e instanceof CompletionException && e.getCause() != null) {
            return problemFor(e.getCause());
        }
        if (e instanceof InvalidKeyStoreInputException invalid) {
            return Problem.invalidInput(invalid.field(), invalid.getMessage());
        }
        if (e instanceof UnknownKeyException || e instanceof UnknownProviderException
                || e instanceof UnknownTenantException || e instanceof UnknownClientKeyException) {
            return Problem.notFound(e.getMessage());
        }
        if (e instanceof DuplicateTenantException || e instanceof AdminConflictException) {
            return Problem.conflict(e.getMessage());
        }
        if (e instanceof AdminInputException invalid) {
            String detail = invalid.field() == null ? invalid.getMessage() : invalid.field() + ": " + invalid.getMessage();
            return Problem.invalidInput(invalid.field(), detail);
        }
        if (e instanceof MismatchedInputException mismatch) {
            return JsonInputProblems.mismatch(mismatch);
        }
        if (e instanceof StreamReadException || e.getCause() instanceof StreamReadException) {
            return JsonInputProblems.malformed(e instanceof StreamReadException read ? read : (StreamReadException) e.getCause());
        }
        if (e instanceof WebApplicationException web) {
            if (web.getCause() instanceof JsonMappingException mapping) {
                return problemFor(mapping);
            }
            Response.StatusType status = web.getResponse().getStatusInfo();
            return Problem.ofStatus(status.getStatusCode(), status.getReasonPhrase());
        }
        if (e instanceof QuotaException || e instanceof RedisException) {
            LOG.warnf("admin request failed on Redis: %s", e.getMessage());
            return Problem.unavailable("the quota state in Redis cannot be reached; try again");
        }
        LOG.errorf(e, "admin request failed inside the gateway");
        return Problem.internal();
    }

    private Response challenge() {
        return Response.fromResponse(respond(Problem.unauthorized(
                        "a valid bearer token (admin JWT or the bootstrap token) is required")))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private Response respond(Problem problem) {
        try {
            return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(json.writeValueAsString(problem)).build();
        } catch (JsonProcessingException impossible) {
            return Response.status(problem.status()).build();
        }
    }
}
