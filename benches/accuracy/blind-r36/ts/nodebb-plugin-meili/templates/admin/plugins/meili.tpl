<div class="acp-page-container">
  <form role="form" class="meili-settings">
    <label for="host">Meilisearch host</label>
    <input type="text" id="host" name="host" class="form-control" />
    <label for="apiKey">API key</label>
    <input type="password" id="apiKey" name="apiKey" class="form-control" />
  </form>
</div>
