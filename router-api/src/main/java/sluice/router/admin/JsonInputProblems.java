package sluice.router.admin;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.List;

/**
 * Turns Jackson's failures to read a request body into problems a client can act on: the field
 * path in the body ({@code limits.rpm}, {@code roles[1]}) and the JSON type expected there. Jackson's
 * own messages are never passed on: they name Java classes and can repeat the value sent (a secret).
 */
final class JsonInputProblems {

    private JsonInputProblems() {
    }

    /** A body that is not JSON at all, or stops in the middle. */
    static Problem malformed(StreamReadException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        return Problem.invalidInput(null, "the body is not valid JSON" + where);
    }

    /** Valid JSON of the wrong shape: a string where a number belongs, an object for a string, … */
    static Problem mismatch(MismatchedInputException e) {
        String field = path(e.getPath());
        if (e instanceof UnrecognizedPropertyException) {
            return Problem.invalidInput(field, field + ": is not a known field");
        }
        String expected = expected(e.getTargetType());
        if (field == null) {
            return Problem.invalidInput(null, "the body must be " + expected);
        }
        return Problem.invalidInput(field, field + ": must be " + expected);
    }

    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another JSON type";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return "an integer number";
        }
        if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        if (type.getName().startsWith("java.time.")) {
            return "an ISO-8601 string";
        }
        return "a JSON object";
    }
}
