//! Where the bytes of documents live: `object_store` over a local directory (the default) or an
//! S3-compatible bucket. Objects are keyed by the document's id, never by a file name the person
//! chose, so no upload can name a path.
//!
//! Uploads are written as multipart uploads through a bounded buffer: at most one part waits in
//! memory per upload (256 KiB on a directory; 5 MiB on S3, whose smallest part is 5 MiB), and
//! nothing is visible under the key until the upload completes. On S3 an upload cut off by a
//! crash leaves an incomplete multipart upload behind: give the bucket a lifecycle rule that
//! aborts them after a day.

use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Bytes;
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt, WriteMultipart};

use super::ClientId;
use crate::config::StorageUrl;

/// Part size on a local directory: small, so 20 uploads at once hold about 5 MiB in memory.
const LOCAL_PART_BYTES: usize = 256 * 1024;
/// S3 refuses parts under 5 MiB (except the last), so a document is one or two parts there.
const S3_PART_BYTES: usize = 5 * 1024 * 1024;
/// Parts in flight per upload before reading more of the request body.
const PARTS_IN_FLIGHT: usize = 2;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("document storage {url}: {source}")]
    Open {
        url: StorageUrl,
        source: object_store::Error,
    },
    #[error("document storage: {0}")]
    Store(#[from] object_store::Error),
    /// Reading the directory itself (its partial files).
    #[error("document storage directory: {0}")]
    Directory(#[from] std::io::Error),
}

/// The document store. Cheap to clone.
#[derive(Clone)]
pub struct ObjectStorage {
    store: Arc<dyn ObjectStore>,
    prefix: Path,
    part_bytes: usize,
    url: StorageUrl,
}

impl std::fmt::Debug for ObjectStorage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ObjectStorage")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

impl ObjectStorage {
    /// Opens the store; a directory must exist (`Storage::create_dirs` makes it). S3 settings
    /// other than the bucket (credentials, region, endpoint) come from the `AWS_*` variables.
    pub fn open(url: &StorageUrl) -> Result<ObjectStorage, StorageError> {
        let open_error = |source| StorageError::Open {
            url: url.clone(),
            source,
        };
        let (store, prefix, part_bytes): (Arc<dyn ObjectStore>, Path, usize) = match url {
            StorageUrl::Directory(dir) => {
                // fsync: a stored document must survive a power cut, like the claim that names it.
                let local = LocalFileSystem::new_with_prefix(dir)
                    .map_err(open_error)?
                    .with_fsync(true);
                (Arc::new(local), Path::default(), LOCAL_PART_BYTES)
            }
            StorageUrl::S3 { bucket, prefix } => {
                let s3 = AmazonS3Builder::from_env()
                    .with_bucket_name(bucket)
                    .build()
                    .map_err(open_error)?;
                (Arc::new(s3), Path::from(prefix.as_str()), S3_PART_BYTES)
            }
        };
        Ok(ObjectStorage {
            store,
            prefix,
            part_bytes,
            url: url.clone(),
        })
    }

    pub fn url(&self) -> &StorageUrl {
        &self.url
    }

    fn key(&self, id: &ClientId) -> Path {
        self.prefix.clone().join(id.as_str())
    }

    /// Starts writing the object of `id`; nothing is visible until [`Writer::finish`].
    pub async fn writer(&self, id: &ClientId) -> Result<Writer, StorageError> {
        let upload = self.store.put_multipart(&self.key(id)).await?;
        Ok(Writer(WriteMultipart::new_with_chunk_size(
            upload,
            self.part_bytes,
        )))
    }

    /// The object's bytes as a stream of chunks.
    pub async fn read(
        &self,
        id: &ClientId,
    ) -> Result<
        impl futures_core::Stream<Item = Result<Bytes, object_store::Error>> + Send + 'static,
        StorageError,
    > {
        Ok(self.store.get(&self.key(id)).await?.into_stream())
    }

    /// Removes the object; one that is not there is already removed.
    pub async fn delete(&self, id: &ClientId) -> Result<(), StorageError> {
        match self.store.delete(&self.key(id)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    /// Every object under the prefix: its key's last part (a document id, if the store is
    /// Klaim's alone) and its size in bytes.
    pub async fn list(&self) -> Result<Vec<(String, u64)>, StorageError> {
        let mut listing = self.store.list(Some(&self.prefix));
        let mut found = Vec::new();
        while let Some(meta) = std::future::poll_fn(|cx| listing.as_mut().poll_next(cx)).await {
            let meta = meta?;
            if let Some(name) = meta.location.filename() {
                found.push((name.to_owned(), meta.size));
            }
        }
        Ok(found)
    }

    /// On a directory: the partial files of uploads cut off mid-way (`<id>#<n>`, which the
    /// store writes before publishing an object and never lists), with the id each belongs to.
    /// S3 keeps those parts out of sight (the bucket's lifecycle rule removes them).
    pub fn partial_files(&self) -> std::io::Result<Vec<(PathBuf, String)>> {
        let StorageUrl::Directory(dir) = &self.url else {
            return Ok(Vec::new());
        };
        let mut found = Vec::new();
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            let name = entry.file_name();
            let Some((id, suffix)) = name.to_str().and_then(|n| n.split_once('#')) else {
                continue;
            };
            if !suffix.is_empty() && suffix.bytes().all(|b| b.is_ascii_digit()) {
                found.push((entry.path(), id.to_owned()));
            }
        }
        Ok(found)
    }

    /// Whether an object exists under `id` (for tests and checks).
    pub async fn exists(&self, id: &ClientId) -> Result<bool, StorageError> {
        match self.store.head(&self.key(id)).await {
            Ok(_) => Ok(true),
            Err(object_store::Error::NotFound { .. }) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }
}

/// An object being written.
pub struct Writer(WriteMultipart);

impl Writer {
    /// Buffers `bytes`; waits first while enough parts are still on their way, so a fast client
    /// cannot fill memory faster than storage takes it.
    pub async fn write(&mut self, bytes: &[u8]) -> Result<(), StorageError> {
        self.0.wait_for_capacity(PARTS_IN_FLIGHT).await?;
        self.0.write(bytes);
        Ok(())
    }

    /// Completes the object: from now on it is visible under its key.
    pub async fn finish(self) -> Result<(), StorageError> {
        self.0.finish().await?;
        Ok(())
    }

    /// Drops what was written so far.
    pub async fn abort(self) -> Result<(), StorageError> {
        self.0.abort().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id() -> ClientId {
        ClientId::parse("3f2504e0-4f89-41d3-9a0c-0305e82c3301").unwrap()
    }

    #[test]
    fn an_s3_url_opens_without_network_and_keys_live_under_the_prefix() {
        let url = StorageUrl::S3 {
            bucket: "klaim-docs".into(),
            prefix: "prod/documents".into(),
        };
        let storage = ObjectStorage::open(&url).expect("an S3 store is configured, not contacted");
        assert_eq!(
            storage.key(&id()).as_ref(),
            "prod/documents/3f2504e0-4f89-41d3-9a0c-0305e82c3301"
        );
        assert_eq!(storage.part_bytes, S3_PART_BYTES);
    }

    #[tokio::test]
    async fn an_object_is_visible_only_once_finished_and_an_abort_leaves_nothing() {
        let dir = std::env::temp_dir().join(format!("klaim-objects-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let storage = ObjectStorage::open(&StorageUrl::Directory(dir.clone())).unwrap();
        let bytes: Vec<u8> = (0..LOCAL_PART_BYTES * 3 + 17).map(|i| i as u8).collect();

        let mut writer = storage.writer(&id()).await.unwrap();
        for chunk in bytes.chunks(10_000) {
            writer.write(chunk).await.unwrap();
        }
        assert!(!storage.exists(&id()).await.unwrap(), "not before finish");
        writer.finish().await.unwrap();
        assert!(storage.exists(&id()).await.unwrap());
        let mut read = Vec::new();
        let mut stream = std::pin::pin!(storage.read(&id()).await.unwrap());
        while let Some(chunk) =
            std::future::poll_fn(|cx| futures_core::Stream::poll_next(stream.as_mut(), cx)).await
        {
            read.extend_from_slice(&chunk.unwrap());
        }
        assert!(read == bytes);
        storage.delete(&id()).await.unwrap();
        storage.delete(&id()).await.unwrap();
        assert!(!storage.exists(&id()).await.unwrap());

        let mut writer = storage.writer(&id()).await.unwrap();
        writer.write(&bytes).await.unwrap();
        writer.abort().await.unwrap();
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
