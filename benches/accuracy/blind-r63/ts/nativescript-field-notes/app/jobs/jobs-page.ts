import { NavigatedData, Page } from '@nativescript/core';
import { supabase } from '../services/supabase';
import { JobsViewModel } from './jobs-view-model';

// navigatingTo fires every time this page is shown, including when the
// technician comes back from the job detail or profile page.
export async function onNavigatingTo(args: NavigatedData) {
  const page = <Page>args.object;
  const { data } = await supabase.auth.getSession();
  const token = data.session?.access_token ?? '';
  page.bindingContext = new JobsViewModel(token);
}
