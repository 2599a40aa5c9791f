import React, { ChangeEvent, useEffect, useState } from 'react';
import { InlineField, Input, SecretInput, Badge, FieldSet } from '@grafana/ui';
import { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { getBackendSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';
import { FlowDataSourceOptions, FlowSecureJsonData } from '../types';

type Props = DataSourcePluginOptionsEditorProps<FlowDataSourceOptions, FlowSecureJsonData>;

export function ConfigEditor({ options, onOptionsChange }: Props) {
  const { jsonData, secureJsonFields, secureJsonData } = options;
  const [reachable, setReachable] = useState<boolean | null>(null);

  // Keep a live "reachable" badge while the admin edits the settings.
  useEffect(() => {
    if (!options.uid) return;
    const seconds = jsonData.healthPollSeconds ?? 15;
    const check = async () => {
      try {
        const res = await lastValueFrom(
          getBackendSrv().fetch<{ status: string }>({
            url: `/api/datasources/uid/${options.uid}/health`,
            showErrorAlert: false,
          }),
        );
        setReachable(res.data.status === 'OK');
      } catch {
        setReachable(false);
      }
    };
    check();
    setInterval(check, seconds * 1000);
  }, [options.uid, jsonData.healthPollSeconds]);

  const onText = (key: keyof FlowDataSourceOptions) => (e: ChangeEvent<HTMLInputElement>) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, [key]: e.target.value } });

  const onApiKey = (e: ChangeEvent<HTMLInputElement>) =>
    onOptionsChange({ ...options, secureJsonData: { apiKey: e.target.value } });

  const onResetApiKey = () =>
    onOptionsChange({
      ...options,
      secureJsonFields: { ...secureJsonFields, apiKey: false },
      secureJsonData: { ...secureJsonData, apiKey: '' },
    });

  return (
    <FieldSet label="Flow meter API">
      <InlineField label="API URL" labelWidth={16}>
        <Input width={40} value={jsonData.apiUrl ?? ''} placeholder="https://meters.acme.io" onChange={onText('apiUrl')} />
      </InlineField>
      <InlineField label="Site" labelWidth={16}>
        <Input width={24} value={jsonData.site ?? ''} onChange={onText('site')} />
      </InlineField>
      <InlineField label="API key" labelWidth={16}>
        <SecretInput
          width={40}
          isConfigured={Boolean(secureJsonFields.apiKey)}
          value={secureJsonData?.apiKey ?? ''}
          onChange={onApiKey}
          onReset={onResetApiKey}
        />
      </InlineField>
      {reachable !== null && (
        <Badge text={reachable ? 'reachable' : 'unreachable'} color={reachable ? 'green' : 'red'} icon={reachable ? 'check' : 'exclamation-triangle'} />
      )}
    </FieldSet>
  );
}
