// Azure resources for Digiverkosto: one Linux App Service serving the bot (/api/messages) and the
// tab (/tab/), an Azure Bot with the Teams channel, Table Storage, and monitoring.
//
// No secrets anywhere: the bot authenticates to the Bot Framework and to Table Storage as a
// user-assigned managed identity, and the storage account refuses shared keys altogether.
// Deployed by `arm/deploy` in teamsapp.yml; each output becomes an environment variable of the same
// name in env/.env.<environment>.

@maxLength(20)
@minLength(4)
@description('Base of the resource names; Teams Toolkit appends RESOURCE_SUFFIX to make them unique.')
param resourceBaseName string

@description('Azure region of the resources (the bot registration itself is global).')
param location string = resourceGroup().location

@maxLength(42)
@description('The bot\'s display name in the Azure Bot registration.')
param botDisplayName string

@description('App Service plan SKU; B1 or above keeps the bot always on.')
param webAppSku string = 'B1'

@description('Client id of the Entra app that the tab\'s single sign-on tokens are issued for.')
param aadAppClientId string

@description('The Teams app id, for deep links from the bot\'s cards to the tab.')
param teamsAppId string

@description('Comma-separated Entra tenant ids whose users may use the tab besides the home tenant.')
param allowedTenantIds string = ''

@description('Days Log Analytics keeps the logs.')
param logRetentionInDays int = 30

var tenantId = subscription().tenantId
var storageAccountName = 'st${uniqueString(resourceGroup().id, resourceBaseName)}'
// Built-in role "Storage Table Data Contributor".
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
  }
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionInDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2022-09-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2022-09-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      // package.json's `start` is the local launcher; production runs the compiled bot directly.
      appCommandLine: 'node bot/dist/index.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
    }
  }
}

// The settings are a separate resource so that they can use the site's own host name.
resource webAppSettings 'Microsoft.Web/sites/config@2022-09-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    APP_MODE: 'production'
    PUBLIC_URL: 'https://${webApp.properties.defaultHostName}'
    BOT_ID: identity.properties.clientId
    BOT_TYPE: 'UserAssignedMSI'
    BOT_TENANT_ID: tenantId
    AZURE_CLIENT_ID: identity.properties.clientId
    STORAGE_ACCOUNT_NAME: storage.name
    TEAMS_APP_ID: teamsAppId
    AAD_APP_CLIENT_ID: aadAppClientId
    AAD_APP_ID_URI: 'api://${webApp.properties.defaultHostName}/${aadAppClientId}'
    // The host tenant is always allowed; production refuses to start with an empty list.
    ALLOWED_TENANT_IDS: empty(allowedTenantIds) ? tenantId : '${tenantId},${allowedTenantIds}'
    APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
    ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  }
}

// Register the web service as a bot that signs in as the managed identity.
resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
    msaAppType: 'UserAssignedMSI'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// Teams Toolkit writes these to env/.env.<environment> under the same names.
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = tenantId
output AZURE_CLIENT_ID string = identity.properties.clientId
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output TAB_DOMAIN string = webApp.properties.defaultHostName
output STORAGE_ACCOUNT_NAME string = storage.name
