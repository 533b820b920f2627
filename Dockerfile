# Build a static binary, then ship it alone on a minimal base.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/beatbot . \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/beatbot /usr/local/bin/beatbot
# The example city, so the image runs out of the box; mount your own at
# /config and pass -config /config/city.yaml.
COPY --from=build /src/configs/example /config/example
COPY --from=build --chown=nonroot:nonroot /out/data /data
USER nonroot:nonroot
ENV BEATBOT_DATA=/data/beatbot.db \
    BEATBOT_HTTP_ADDR=:8080 \
    BEATBOT_OPS_ADDR=:9180
VOLUME ["/data"]
EXPOSE 8080 9180
ENTRYPOINT ["/usr/local/bin/beatbot"]
CMD ["run", "-config", "/config/example/city.yaml"]
