# Lotse: a static binary on a minimal, non-root image.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# `lotse version` prints these: docker build --build-arg VERSION=v1.0.0 --build-arg COMMIT=$(git rev-parse HEAD) .
ARG VERSION=devel
ARG COMMIT=unknown
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w -X main.version=${VERSION} -X main.commit=${COMMIT}" -o /out/lotse ./cmd/lotse \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/lotse /usr/local/bin/lotse
COPY --from=build --chown=nonroot:nonroot /out/data /data
USER nonroot:nonroot
WORKDIR /data
EXPOSE 8080
ENV LOTSE_ADDR=:8080 LOTSE_DATA=/data/lotse.db
ENTRYPOINT ["/usr/local/bin/lotse"]
CMD ["serve"]
